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
 * {@link FingerprintIndex#threshold} bits away) that was indexed first, i.e. with the smallest order, among those
 * indexed before the article itself; never the article's own id. An article is indexed once, the first time its
 * id is seen with a text long enough for a fingerprint; a re-ingest, a new version or a replay of the same id does
 * not index it again, so its order, and the set of articles before it, never change. Hence a replay gives the
 * live run's answer (as long as the index held everything: see {@link FingerprintIndex#capacity}).
 *
 * <p>Orders are topic offsets. Fingerprints this process committed but has not read back from the topic yet get
 * provisional orders from {@link FingerprintIndex#PROVISIONAL} on, in the order they were written, which is the
 * order of their offsets. Not thread-safe: the stage's thread only.
 */
public final class NearDuplicates implements AutoCloseable {

    /** What the rule says about one article. */
    public record Result(String duplicateOf, FingerprintRecord newFingerprint) {

        /** No fingerprint (a short text): not a duplicate, nothing to index. */
        static final Result NONE = new Result(null, null);
    }

    private record Pending(String id, long fingerprint, long order) {
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

    /**
     * The rule for one article. {@link Result#newFingerprint} is set when the article is not indexed yet: the
     * stage writes it to the fingerprint topic in the batch's transaction (or, in a replay into versioned topics,
     * only keeps it in memory).
     */
    public Result check(String id, String text) {
        OptionalLong computed = SimHash.of(text);
        if (computed.isEmpty()) {
            return Result.NONE;
        }
        long fingerprint = computed.getAsLong();
        FingerprintIndex index = store.index();
        long self = index.orderOf(id);
        Pending own = pending.get(id);
        if (self < 0 && own != null) {
            self = own.order();
        }
        long before = self < 0 ? Long.MAX_VALUE : self;
        FingerprintIndex.Match match = index.firstNearDuplicate(id, fingerprint, before);
        String duplicateOf = match == null ? null : match.id();
        if (duplicateOf == null) {
            // Pending orders come after every indexed one, and in insertion order: the first hit is the first seen.
            for (Pending p : pending.values()) {
                if (p.order() >= before) {
                    break;
                }
                if (!p.id().equals(id) && SimHash.distance(p.fingerprint(), fingerprint) <= index.threshold()) {
                    duplicateOf = p.id();
                    break;
                }
            }
        }
        if (self >= 0) {
            return new Result(duplicateOf, null);
        }
        pending.put(id, new Pending(id, fingerprint, nextProvisional++));
        return new Result(duplicateOf, new FingerprintRecord(fingerprint));
    }

    /** The batch committed: its fingerprints are indexed (their records may not be readable yet). */
    public void committed() {
        FingerprintIndex index = store.index();
        for (Pending p : pending.values()) {
            index.add(p.id(), p.fingerprint(), p.order());
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
