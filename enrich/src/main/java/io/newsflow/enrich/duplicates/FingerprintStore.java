package io.newsflow.enrich.duplicates;

/**
 * Where the fingerprint index comes from: the compacted one-partition fingerprint topic
 * ({@link KafkaFingerprintStore}), or memory alone (tests, tools without Kafka). Used from the stage's thread only.
 */
public interface FingerprintStore extends AutoCloseable {

    /** Brings the index up to what is committed in the fingerprint topic; called before each batch. */
    void catchUp();

    /** The index, as of the last {@link #catchUp} plus what this process committed since. */
    FingerprintIndex index();

    @Override
    default void close() {
    }

    /** An index in memory only. */
    static FingerprintStore inMemory(FingerprintIndex index) {
        return new FingerprintStore() {
            @Override
            public void catchUp() {
            }

            @Override
            public FingerprintIndex index() {
                return index;
            }
        };
    }
}
