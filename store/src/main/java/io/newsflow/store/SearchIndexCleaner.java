package io.newsflow.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the search index's pending list into the index ({@code gin_clean_pending_list}) on a thread and connection
 * of its own, once {@link #ARTICLES} articles have been committed since the last merge or the oldest of them has
 * waited {@link #MAX_DELAY_MILLIS}.
 *
 * <p>A write adds each article's lexemes to the GIN index's pending list, which is cheap; merging the list into the
 * index is most of the index's cost, and a writer does it inline whenever the list outgrows
 * {@code gin_pending_list_limit} (64 MB on {@code articles_search} since {@code V4}). Done here, it runs beside the
 * writers, on another core, and a merge of 2,000 articles' entries updates each lexeme's postings once for all of
 * them: 0.49 ms an article merged after every batch of 500, about 0.3 ms by 2,000 (docs/store.md "Numbers"). A
 * search reads the whole pending list, so it is kept short: at most 2,000 articles, or a second's worth when fewer
 * arrive. Were this cleaner to fall behind or fail, the writers merge the list themselves past the limit, as before.
 */
public final class SearchIndexCleaner implements AutoCloseable {

    /** Articles committed since the last merge that start the next one. */
    static final int ARTICLES = 2_000;
    /** The longest an article waits in the pending list for a merge when fewer than {@link #ARTICLES} arrive. */
    static final long MAX_DELAY_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexCleaner.class);

    private final DataSource dataSource;
    private final Thread thread;
    private int pending;
    private long oldestNanos;
    private boolean closed;
    private volatile boolean failed;

    public SearchIndexCleaner(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::run, "newsflow-search-index-cleaner");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes {@code articles} new or replaced articles committed; returns at once. */
    public synchronized void committed(int articles) {
        if (articles <= 0 || failed) {
            return;
        }
        if (pending == 0) {
            oldestNanos = System.nanoTime();
        }
        pending += articles;
        notifyAll();
    }

    private void run() {
        while (true) {
            synchronized (this) {
                try {
                    while (!closed && (pending == 0 || pending < ARTICLES
                            && System.nanoTime() - oldestNanos < TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MILLIS))) {
                        long waitMillis = pending == 0 ? 0 : Math.max(1, MAX_DELAY_MILLIS
                                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldestNanos));
                        wait(waitMillis);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                pending = 0;
            }
            clean();
        }
    }

    private void clean() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("SELECT gin_clean_pending_list('articles_search'::regclass)");
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                // Not the index's owner: the writers merge the list themselves, as PostgreSQL does by default.
                failed = true;
                LOG.warn("cannot merge the search index's pending list ({}); writers merge it inline", e.getMessage());
            } else {
                LOG.debug("search index merge failed; the next commit asks again: {}", e.getMessage());
            }
        }
    }

    /** Stops; a merge under way finishes first (waited for at most 30 s). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
