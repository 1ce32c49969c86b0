package io.newsflow.ingest.feeds;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.PageFetcher;

/**
 * Fetches a feed or sitemap and lists its article URLs, following a sitemap index into its sitemaps (at most
 * {@value #MAX_DEPTH} levels and {@value #MAX_SITEMAPS} sitemaps, so that a loop or a huge index ends).
 */
public final class FeedReader {

    static final int MAX_DEPTH = 3;
    static final int MAX_SITEMAPS = 1000;

    /**
     * The articles of one feed.
     *
     * @param problems nested sitemaps that could not be read; the feed's other articles are still listed
     * @param refused  links of a scheme that is never fetched, in the feed or its sitemaps
     */
    public record Result(URI feed, Feed.Kind kind, List<URI> articles, List<String> problems, List<URI> refused) {
        public Result {
            articles = List.copyOf(articles);
            problems = List.copyOf(problems);
            refused = List.copyOf(refused);
        }
    }

    private final PageFetcher fetcher;

    public FeedReader(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @throws FetchException when the feed itself cannot be fetched or is not a feed */
    public Result read(URI feedUrl) throws FetchException, InterruptedException {
        Feed feed = fetchFeed(feedUrl);
        Set<URI> articles = new LinkedHashSet<>(feed.articles());
        Set<URI> refused = new LinkedHashSet<>(feed.refused());
        List<String> problems = new ArrayList<>();
        Set<URI> visited = new LinkedHashSet<>(List.of(feedUrl));
        List<URI> level = feed.sitemaps();
        for (int depth = 1; !level.isEmpty(); depth++) {
            List<URI> next = new ArrayList<>();
            for (URI sitemap : level) {
                if (!visited.add(sitemap)) {
                    continue;
                }
                if (depth > MAX_DEPTH || visited.size() > MAX_SITEMAPS + 1) {
                    problems.add(sitemap + ": skipped, past " + MAX_DEPTH + " levels or " + MAX_SITEMAPS + " sitemaps");
                    continue;
                }
                try {
                    Feed nested = fetchFeed(sitemap);
                    articles.addAll(nested.articles());
                    refused.addAll(nested.refused());
                    next.addAll(nested.sitemaps());
                } catch (FetchException e) {
                    problems.add(e.getMessage());
                }
            }
            level = next;
        }
        return new Result(feedUrl, feed.kind(), new ArrayList<>(articles), problems, new ArrayList<>(refused));
    }

    private Feed fetchFeed(URI uri) throws FetchException, InterruptedException {
        PageFetcher.Document document = fetcher.fetchDocument(uri);
        try {
            return FeedParser.parse(document.body(), document.finalUri());
        } catch (FeedFormatException e) {
            throw new FetchException(FetchException.Reason.NOT_A_FEED, uri + ": not a feed or sitemap: "
                    + e.getMessage(), e);
        }
    }
}
