package io.newsflow.common.runtime;

/**
 * Optional lifecycle of a stateful {@link RecordProcessor}: implement it on the processor to learn where the
 * transactions begin and end, so that state derived from a batch is kept only when the batch committed.
 */
public interface TransactionListener {

    /** Before the first record of a batch is processed. */
    default void beforeBatch() {
    }

    /** The batch's transaction committed: its outputs are visible to read_committed readers. */
    default void committed() {
    }

    /** The batch's transaction was aborted; the batch will be processed again. */
    default void aborted() {
    }
}
