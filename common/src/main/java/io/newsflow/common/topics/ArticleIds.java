package io.newsflow.common.topics;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Article ids: the canonical URL, normalised, so that every version of an article has one key in every topic.
 *
 * <p>Normalising lower-cases scheme and host, drops the default port, the fragment and tracking parameters
 * ({@code utm_*}, {@code fbclid}, {@code gclid}, …), and keeps everything else, including the order of the
 * remaining query parameters, since sites do use them to address articles.
 */
public final class ArticleIds {

    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid", "mc_cid", "mc_eid",
            "igshid", "_ga", "_gl", "ref_src", "cmpid", "ocid", "ncid", "smid", "at_medium", "at_campaign");

    private ArticleIds() {
    }

    /**
     * The article id of a URL.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no URL");
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        StringBuilder id = new StringBuilder(url.length());
        id.append(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            id.append(':').append(port);
        }
        String path = uri.getRawPath();
        id.append(path == null || path.isEmpty() ? "/" : path);
        String query = keptQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            id.append('?').append(query);
        }
        return id.toString();
    }

    /** Like {@link #of(String)}, but returns null instead of throwing. */
    public static String orNull(String url) {
        try {
            return of(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }
}
