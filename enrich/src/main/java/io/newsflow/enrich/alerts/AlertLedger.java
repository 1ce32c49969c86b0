package io.newsflow.enrich.alerts;

import java.util.HashMap;
import java.util.Map;

/**
 * Which alerts exist already: for each alert key (rule id + article id) the content hash of the article
 * version it was raised for. The stage raises an alert only when the ledger does not hold that key with the
 * article's current hash, so a replayed or re-ingested article does not alert again, and a changed version does.
 *
 * <p>Used from the stage's thread only.
 */
public interface AlertLedger extends AutoCloseable {

    /** Brings the ledger up to what is committed in the alerts topic; called before each batch. */
    void catchUp();

    /** The content hash of the latest alert with this key, or null when there is none. */
    String lastHash(String key);

    /** Notes alerts this stage committed (they may not be readable from the topic yet). */
    void recordCommitted(Map<String, String> hashesByKey);

    @Override
    default void close() {
    }

    /** A ledger in memory only, for a single process without Kafka ({@code newsflow rules test}) and tests. */
    static AlertLedger inMemory() {
        Map<String, String> hashes = new HashMap<>();
        return new AlertLedger() {
            @Override
            public void catchUp() {
            }

            @Override
            public String lastHash(String key) {
                return hashes.get(key);
            }

            @Override
            public void recordCommitted(Map<String, String> hashesByKey) {
                hashes.putAll(hashesByKey);
            }
        };
    }
}
