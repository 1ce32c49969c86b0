package io.newsflow.enrich.duplicates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The duplicate rule of the enrich stage, over a {@link FingerprintStore}, with the same transaction hooks as the
 * alert ledger: fingerprints of the open batch are pending, go to the index when the batch commits and are
 * dropped when it aborts.
 *
 * <p><b>The rule.</b> An article's {@code duplicateOf} is the id of the near duplicate (SimHash of the text at most
 * {@link FingerprintIndex#threshold} bits away) that was fetched first, among the indexed articles fetched before
 * the article itself (by fetch time, then for equal times by order: {@link FingerprintIndex#earliestNearDuplicate});
 * never the article's own id, never a copy fetched after it. An article is indexed once, the first time its id is seen with a text long
 * enough for a fingerprint, with that version's fetch time; a re-ingest, a new version or a replay of the same id
 * does not index it again.
 *
 * <p><b>What a replay gives.</b> The answer depends only on the records, not on the order the stage read them in,
 * except for one case: a copy enriched before the original it copies (the original fetched earlier but delayed on
 * another partition) finds nothing yet and says null; a replay, which finds the original indexed, names it. Every
 * other answer a replay reproduces (as long as the index held everything: see {@link FingerprintIndex#capacity}).
 *
 * <p>Orders are topic offsets, kept to tell indexed fingerprints from those this process committed but has not read
 * back yet (provisional orders from {@link FingerprintIndex#PROVISIONAL} on). Not thread-safe: the stage's thread
 * only.
 */
public final class NearDuplicates implements AutoCloseable {

    /** What the rule says about one article. */
    public record Result(String duplicateOf, FingerprintRecord newFingerprint) {

        /** No fingerprint (a short text): not a duplicate, nothing to index. */
        static final Result NONE = new Result(null, null);
    }

    private record Pending(String id, long fingerprint, long order, long fetchTime) {
    }

    private final FingerprintStore store;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private long nextProvisional = FingerprintIndex.PROVISIONAL;

    public NearDuplicates(FingerprintStore store) {
        this.store = store;
    }

    /** An in-memory instance (tests, tools without Kafka). */
    public static NearDuplicates inMemory() {
        return new NearDuplicates(FingerprintStore.inMemory(new FingerprintIndex()));
    }

    public FingerprintIndex index() {
        return store.index();
    }

    /** Before a batch: drops what an unfinished batch left and catches up with the fingerprint topic. */
    public void beforeBatch() {
        pending.clear();
        store.catchUp();
    }

    /** {@link #check(String, long, String)} for an article whose fetch time is not known. */
    public Result check(String id, String text) {
        return check(id, FingerprintIndex.UNKNOWN_FETCH_TIME, text);
    }

    /**
     * The rule for one article fetched at {@code fetchTime} (epoch milliseconds). {@link Result#newFingerprint} is
     * set when the article is not indexed yet: the stage writes it to the fingerprint topic in the batch's
     * transaction (or, in a replay into versioned topics, only keeps it in memory).
     */
    public Result check(String id, long fetchTime, String text) {
        OptionalLong computed = SimHash.of(text);
        if (computed.isEmpty()) {
            return Result.NONE;
        }
        long fingerprint = computed.getAsLong();
        FingerprintIndex index = store.index();
        boolean indexed = index.contains(id);
        Pending own = pending.get(id);
        // An article is as old as its first indexed version; one not indexed yet comes after all of its fetch time.
        long selfFetched = indexed ? index.fetchTimeOf(id) : own != null ? own.fetchTime() : fetchTime;
        long selfOrder = indexed ? index.orderOf(id) : own != null ? own.order() : Long.MAX_VALUE;
        FingerprintIndex.Match match = index.earliestNearDuplicate(id, fingerprint, selfFetched, selfOrder);
        String duplicateOf = match == null ? null : match.id();
        long bestFetched = match == null ? 0 : match.fetchTime();
        long bestOrder = match == null ? 0 : match.order();
        for (Pending p : pending.values()) {
            if (!p.id().equals(id) && SimHash.distance(p.fingerprint(), fingerprint) <= index.threshold()
                    && FingerprintIndex.earlier(p.fetchTime(), p.order(), selfFetched, selfOrder)
                    && (duplicateOf == null || FingerprintIndex.earlier(p.fetchTime(), p.order(), bestFetched, bestOrder))) {
                duplicateOf = p.id();
                bestFetched = p.fetchTime();
                bestOrder = p.order();
            }
        }
        if (indexed || own != null) {
            return new Result(duplicateOf, null);
        }
        pending.put(id, new Pending(id, fingerprint, nextProvisional++, fetchTime));
        return new Result(duplicateOf, new FingerprintRecord(fingerprint, fetchTime));
    }

    /** The batch committed: its fingerprints are indexed (their records may not be readable yet). */
    public void committed() {
        FingerprintIndex index = store.index();
        for (Pending p : pending.values()) {
            index.add(p.id(), p.fingerprint(), p.order(), p.fetchTime());
        }
        pending.clear();
    }

    /** The batch aborted: it will be processed again. */
    public void aborted() {
        pending.clear();
    }

    /** Fingerprints of the open batch (for tests). */
    List<String> pendingIds() {
        return List.copyOf(pending.keySet());
    }

    @Override
    public void close() {
        store.close();
    }
}
