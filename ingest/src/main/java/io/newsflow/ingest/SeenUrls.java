package io.newsflow.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.newsflow.common.topics.ArticleIds;

/**
 * The article ids a polling ingest has already fetched, bounded: past the capacity the least recently listed
 * id is forgotten (and would be fetched again if a feed still lists it). Each entry costs about 200 bytes.
 */
public final class SeenUrls {

    /** The default capacity: far more than the articles of a few hundred feeds and news sitemaps (48 hours each). */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Boolean> ids;

    public SeenUrls(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the seen-URL capacity must be positive, got " + capacity);
        }
        // Access order: a URL a feed keeps listing stays remembered; one that dropped out is forgotten first.
        this.ids = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when this URL (as an article id: tracking parameters and fragment dropped) was marked before. */
    public synchronized boolean contains(String url) {
        return ids.get(key(url)) != null;
    }

    public synchronized void add(String url) {
        ids.put(key(url), Boolean.TRUE);
    }

    public synchronized int size() {
        return ids.size();
    }

    private static String key(String url) {
        String id = ArticleIds.orNull(url);
        return id != null ? id : url;
    }
}
