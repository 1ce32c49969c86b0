package io.newsflow.ingest.feeds;

import java.net.URI;
import java.util.List;

/**
 * What a feed or sitemap lists, in document order without repeats.
 *
 * @param articles the article URLs (RSS item links, Atom entry links, sitemap {@code <url><loc>})
 * @param sitemaps the nested sitemaps of a sitemap index, to read in turn
 * @param refused  links of a scheme that is never fetched (file:, ftp:, jar:, mailto:, ...), to report
 */
public record Feed(Kind kind, List<URI> articles, List<URI> sitemaps, List<URI> refused) {

    /** The format, told from the root element. */
    public enum Kind { RSS, ATOM, SITEMAP, SITEMAP_INDEX }

    public Feed {
        articles = List.copyOf(articles);
        sitemaps = List.copyOf(sitemaps);
        refused = List.copyOf(refused);
    }
}
