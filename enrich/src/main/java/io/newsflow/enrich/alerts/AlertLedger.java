package io.newsflow.enrich.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which alerts exist already: for each alert key (rule id + article id) the content hashes of the article
 * versions alerts were raised for, oldest first. The stage raises an alert only when the article's current
 * content hash is not among them, so a replayed or re-ingested article does not alert again (not even an older
 * version replayed after a newer one), and a changed version does.
 *
 * <p>The versions travel with each alert in the {@value #VERSIONS_HEADER} header (the last {@value #MAX_VERSIONS}),
 * so the latest record of a key, which compaction keeps, carries the history. Used from the stage's thread only.
 */
public interface AlertLedger extends AutoCloseable {

    /** Header of an alert record: the content hashes alerted for its key so far, comma-separated, oldest first. */
    String VERSIONS_HEADER = "newsflow.alert.versions";
    int MAX_VERSIONS = 32;

    /** Brings the ledger up to what is committed in the alerts topic; called before each batch. */
    void catchUp();

    /** The content hashes alerts with this key were raised for, oldest first; empty when none. */
    List<String> versions(String key);

    /** Notes alerts this stage committed (they may not be readable from the topic yet). */
    void recordCommitted(Map<String, List<String>> versionsByKey);

    @Override
    default void close() {
    }

    /** The versions after adding one, bounded to the last {@value #MAX_VERSIONS}. */
    static List<String> plus(List<String> versions, String hash) {
        List<String> next = new ArrayList<>(versions.size() + 1);
        next.addAll(versions.size() >= MAX_VERSIONS ? versions.subList(versions.size() - MAX_VERSIONS + 1, versions.size())
                : versions);
        next.add(hash);
        return List.copyOf(next);
    }

    /** A ledger in memory only, for a single process without Kafka ({@code newsflow rules test}) and tests. */
    static AlertLedger inMemory() {
        Map<String, List<String>> versions = new HashMap<>();
        return new AlertLedger() {
            @Override
            public void catchUp() {
            }

            @Override
            public List<String> versions(String key) {
                return versions.getOrDefault(key, List.of());
            }

            @Override
            public void recordCommitted(Map<String, List<String>> versionsByKey) {
                versions.putAll(versionsByKey);
            }
        };
    }
}
