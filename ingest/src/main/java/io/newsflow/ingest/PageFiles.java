package io.newsflow.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.newsflow.common.model.RawPage;

/**
 * Reads HTML files and directories of them ({@code .html}, {@code .htm}, and either gzipped) into raw pages.
 *
 * <p>The page URL comes from the file's {@code <link rel=canonical>} or {@code og:url}, else from the file
 * name under a base URL. The fetch time is the file's modification time, so ingesting the same file twice
 * gives the same record.
 */
public final class PageFiles {

    private static final Pattern CANONICAL = Pattern.compile(
            "<link\\b[^>]*\\brel\\s*=\\s*[\"']?canonical[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern OG_URL = Pattern.compile(
            "<meta\\b[^>]*\\bproperty\\s*=\\s*[\"']og:url[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT = Pattern.compile("\\bcontent\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
    /** The canonical link sits in the head; reading further only costs time on big pages. */
    private static final int HEAD_BYTES = 256 * 1024;

    private final String baseUrl;
    private final int maxPageBytes;

    /**
     * @param baseUrl      prefix for pages that name no URL of their own, e.g. {@code http://localhost/pages/}
     * @param maxPageBytes the largest page accepted, after decompression
     */
    public PageFiles(String baseUrl, int maxPageBytes) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.maxPageBytes = maxPageBytes;
    }

    /** Every page file and WARC file under the given files and directories, in a stable (sorted) order. */
    public static List<Path> find(List<Path> roots) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IOException("no such file or directory: " + root);
            }
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .filter(path -> isPageFile(path) || WarcPages.isWarcFile(path)).sorted().forEach(found::add);
                }
            } else {
                found.add(root);
            }
        }
        return found;
    }

    static boolean isPageFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".html.gz") || name.endsWith(".htm.gz");
    }

    /**
     * Reads one page.
     *
     * @param url the page URL, or null to take it from the page or the file name
     * @throws PageTooLargeException when the page (decompressed) is over the limit
     */
    public RawPage read(Path file, String url) throws IOException {
        byte[] content = readBounded(file);
        String pageUrl = url != null ? url : urlOf(content, file);
        String fetchedAt = Files.getLastModifiedTime(file).toInstant().toString();
        return new RawPage(pageUrl, fetchedAt, null, "file:" + file.toAbsolutePath().normalize(), content);
    }

    private byte[] readBounded(Path file) throws IOException {
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        return BoundedBytes.read(Files.newInputStream(file), gzip, maxPageBytes, file.toString());
    }

    String urlOf(byte[] content, Path file) {
        String head = new String(content, 0, Math.min(content.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        String declared = attribute(CANONICAL, HREF, head);
        if (declared == null) {
            declared = attribute(OG_URL, CONTENT, head);
        }
        if (declared != null && (declared.startsWith("http://") || declared.startsWith("https://"))) {
            // Bytes were read as Latin-1 to find the tag in any charset; re-read the URL itself as UTF-8.
            return new String(declared.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
        return baseUrl + URI.create("x:/" + encodePath(name)).getRawPath().substring(1);
    }

    private static String attribute(Pattern tag, Pattern attribute, String html) {
        Matcher t = tag.matcher(html);
        if (!t.find()) {
            return null;
        }
        Matcher a = attribute.matcher(t.group());
        return a.find() ? a.group(1).replace("&amp;", "&") : null;
    }

    private static String encodePath(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
