package io.newsflow.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.newsflow.common.topics.ArticleIds;

/**
 * The article ids the HTTP ingest has already fetched, bounded: past the capacity the least recently listed
 * id is forgotten (and would be fetched again if a feed still lists it). Each entry costs about 200 bytes. A
 * {@link Journal} hears of every id added, so that the memory can outlive the process ({@link FetchedUrls}).
 */
public final class SeenUrls {

    /** The default capacity: far more than the articles of a few hundred feeds and news sitemaps (48 hours each). */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** Hears of each id when it is first added (not when {@link #remember remembered} from a journal). */
    @FunctionalInterface
    public interface Journal {
        void record(String id, String url);
    }

    private final Map<String, Boolean> ids;
    private final Journal journal;

    /** A memory of this process only. */
    public SeenUrls(int capacity) {
        this(capacity, (id, url) -> { });
    }

    public SeenUrls(int capacity, Journal journal) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the seen-URL capacity must be positive, got " + capacity);
        }
        this.journal = journal;
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

    /** Marks a URL fetched; the journal hears of it when its id is new. */
    public synchronized void add(String url) {
        String id = key(url);
        if (ids.put(id, Boolean.TRUE) == null) {
            journal.record(id, url);
        }
    }

    /** Marks an article id fetched as a journal recorded it, without recording it again. */
    public synchronized void remember(String id) {
        ids.put(id, Boolean.TRUE);
    }

    public synchronized int size() {
        return ids.size();
    }

    private static String key(String url) {
        String id = ArticleIds.orNull(url);
        return id != null ? id : url;
    }
}
