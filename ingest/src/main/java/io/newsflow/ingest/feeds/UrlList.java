package io.newsflow.ingest.feeds;

import java.io.IOException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL list file: one http(s) URL per line; blank lines and lines starting with {@code #} are skipped; an
 * invalid line is reported with its number instead of stopping the list.
 */
public record UrlList(List<URI> urls, List<Problem> problems) {

    /** A line that is not a URL Newsflow can fetch. */
    public record Problem(int line, String text, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason + ": " + text;
        }
    }

    public UrlList {
        urls = List.copyOf(urls);
        problems = List.copyOf(problems);
    }

    public static UrlList read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static UrlList parse(List<String> lines) {
        List<URI> urls = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                urls.add(httpUrl(text));
            } catch (URISyntaxException e) {
                problems.add(new Problem(i + 1, text, e.getReason()));
            }
        }
        return new UrlList(urls, problems);
    }

    /** The text as an absolute http(s) URL with a host, or why not. */
    public static URI httpUrl(String text) throws URISyntaxException {
        URI uri = new URI(text);
        if (uri.getHost() == null && uri.getRawAuthority() != null) {
            uri = withAsciiHost(text, uri);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new URISyntaxException(text, "not an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new URISyntaxException(text, "no host");
        }
        return uri;
    }

    private static final Pattern AUTHORITY = Pattern.compile("([^@]*@)?([^:@]+)(:\\d+)?");

    /** java.net.URI knows only ASCII host names: an internationalised one (новости.рф) goes in Punycode. */
    private static URI withAsciiHost(String text, URI uri) throws URISyntaxException {
        String authority = uri.getRawAuthority();
        Matcher m = AUTHORITY.matcher(authority);
        if (!m.matches()) {
            return uri;
        }
        String host;
        try {
            host = IDN.toASCII(m.group(2), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new URISyntaxException(text, "invalid host name");
        }
        int at = text.indexOf(authority);
        return new URI(text.substring(0, at) + (m.group(1) == null ? "" : m.group(1)) + host
                + (m.group(3) == null ? "" : m.group(3)) + text.substring(at + authority.length()));
    }
}
