package io.newsflow.enrich.duplicates;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Fingerprints of the articles seen so far, by article id, each with its order (the offset of its record in the
 * one-partition fingerprint topic) and its fetch time, and a band index over them so a lookup touches only likely
 * candidates.
 *
 * <p><b>Earliest.</b> Of several near duplicates, the one fetched first is the original: by fetch time, then, for
 * equal times, by order. The fetch time belongs to the article's record, so the answer does not depend on the order
 * in which the stage happened to read copies that arrived on different partitions; the order breaks ties the way
 * the live stage saw them, so a replay gives the same answer. Fingerprints written before fetch times were
 * recorded count as fetched at {@link #UNKNOWN_FETCH_TIME}, before any other.
 *
 * <p><b>Bands.</b> The 64 bits are cut into {@code threshold + 1} bands (bits 0-7, 8-15, … for a threshold of 7).
 * Two fingerprints at most {@code threshold} bits apart differ in at most {@code threshold} bands, so by the
 * pigeonhole principle at least one band is equal: looking up the entries that share one band value with the query
 * finds every near duplicate, never a false miss. A lookup scans about {@code bands * size / 2^bandBits}
 * fingerprints held contiguously per bucket (8 * 200,000 / 256 ≈ 6,000 at a threshold of 7: about 7 µs).
 *
 * <p><b>Bound.</b> At most {@code capacity} entries; beyond it the oldest entry (by insertion) is evicted. An
 * entry costs its id string, a hash-map node, 20 bytes in the slot arrays and 12 bytes in each band's bucket:
 * about 400 bytes with an 80-character id, measured ({@code FingerprintIndexTest}).
 *
 * <p>Used from one thread (the stage's).
 */
public final class FingerprintIndex {

    /**
     * The default number of entries kept: about 40 MB of heap with 80-character ids (about 400 bytes an entry,
     * measured), so the enrich stage still fits its 256 MB heap. Raise it with {@code --fingerprint-capacity} and
     * the heap together.
     */
    public static final int DEFAULT_CAPACITY = 100_000;
    /** The default largest Hamming distance of near duplicates. */
    public static final int DEFAULT_THRESHOLD = 7;
    /**
     * Orders from here on are provisional: records this process committed whose topic offset it has not read
     * yet. They sort after every real offset, as the records do in the topic.
     */
    public static final long PROVISIONAL = 1L << 62;
    /** The fetch time (epoch milliseconds) of an article whose fetch time is not known: before every other. */
    public static final long UNKNOWN_FETCH_TIME = Long.MIN_VALUE;

    /** A near duplicate found by {@link #earliestNearDuplicate}. */
    public record Match(String id, long order, long fetchTime, int distance) {
    }

    private final int capacity;
    private final int threshold;
    private final int[] bandShift;
    private final long[] bandMask;
    /**
     * Per band and band value, the fingerprints with that value and their slots, in parallel arrays: a lookup scans
     * them in order, which is what makes it fast (chains of slots through a global array cost a cache miss each).
     */
    private final long[][][] bucketFingerprints;
    private final int[][][] bucketSlots;
    private final int[][] bucketSizes;
    private long[] orders;
    private long[] fetchTimes;
    private String[] ids;
    private long[] fingerprints;
    private final Map<String, Integer> slotById = new HashMap<>();
    /** Entries ever added; the next slot is {@code added % capacity}. */
    private long added;

    public FingerprintIndex() {
        this(DEFAULT_CAPACITY, DEFAULT_THRESHOLD);
    }

    /**
     * @param capacity  entries kept; the oldest is evicted beyond it
     * @param threshold the largest Hamming distance that counts as a near duplicate, 3 to 15 (so that every band
     *                  has at most 16 bits)
     */
    public FingerprintIndex(int capacity, int threshold) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (threshold < 3 || threshold > 15) {
            throw new IllegalArgumentException("threshold must be 3 to 15: " + threshold);
        }
        this.capacity = capacity;
        this.threshold = threshold;
        int bands = threshold + 1;
        bandShift = new int[bands];
        bandMask = new long[bands];
        bucketFingerprints = new long[bands][][];
        bucketSlots = new int[bands][][];
        bucketSizes = new int[bands][];
        int shift = 0;
        for (int b = 0; b < bands; b++) {
            // Widths differ by at most one bit and together cover all 64.
            int width = 64 / bands + (b < 64 % bands ? 1 : 0);
            bandShift[b] = shift;
            bandMask[b] = (1L << width) - 1;
            shift += width;
            bucketFingerprints[b] = new long[1 << width][];
            bucketSlots[b] = new int[1 << width][];
            bucketSizes[b] = new int[1 << width];
        }
        orders = new long[0];
        fetchTimes = new long[0];
        ids = new String[0];
        fingerprints = new long[0];
    }

    public int capacity() {
        return capacity;
    }

    public int threshold() {
        return threshold;
    }

    /** Entries held. */
    public int size() {
        return slotById.size();
    }

    /** Whether the article is indexed (and not evicted). */
    public boolean contains(String id) {
        return slotById.containsKey(id);
    }

    /** The article's order, or -1 when it is not indexed. */
    public long orderOf(String id) {
        Integer slot = slotById.get(id);
        return slot == null ? -1 : orders[slot];
    }

    /** The fetch time the article was indexed with (epoch milliseconds), or {@link #UNKNOWN_FETCH_TIME}. */
    public long fetchTimeOf(String id) {
        Integer slot = slotById.get(id);
        return slot == null ? UNKNOWN_FETCH_TIME : fetchTimes[slot];
    }

    /** {@link #add(String, long, long, long)} with an unknown fetch time. */
    public void add(String id, long fingerprint, long order) {
        add(id, fingerprint, order, UNKNOWN_FETCH_TIME);
    }

    /**
     * Indexes an article. The first fingerprint of an id stays (a later record of the same id is a re-ingest or a
     * replay, not a new article), except that a provisional order is replaced by the real one when the record is
     * read from the topic.
     */
    public void add(String id, long fingerprint, long order, long fetchTime) {
        Integer existing = slotById.get(id);
        if (existing != null) {
            if (orders[existing] >= PROVISIONAL && order < PROVISIONAL) {
                orders[existing] = order;
            }
            return;
        }
        int slot = (int) (added % capacity);
        if (added >= capacity) {
            evict(slot);
        } else if (slot >= orders.length) {
            int size = (int) Math.min(capacity, Math.max(1024L, orders.length + (orders.length >> 1)));
            orders = Arrays.copyOf(orders, size);
            fetchTimes = Arrays.copyOf(fetchTimes, size);
            ids = Arrays.copyOf(ids, size);
            fingerprints = Arrays.copyOf(fingerprints, size);
        }
        added++;
        orders[slot] = order;
        fetchTimes[slot] = fetchTime;
        ids[slot] = id;
        fingerprints[slot] = fingerprint;
        slotById.put(id, slot);
        for (int b = 0; b < bandShift.length; b++) {
            int v = bucket(b, fingerprint);
            int n = bucketSizes[b][v];
            if (bucketSlots[b][v] == null || n == bucketSlots[b][v].length) {
                int size = Math.max(4, n + (n >> 1));
                bucketFingerprints[b][v] = bucketFingerprints[b][v] == null ? new long[size]
                        : Arrays.copyOf(bucketFingerprints[b][v], size);
                bucketSlots[b][v] = bucketSlots[b][v] == null ? new int[size] : Arrays.copyOf(bucketSlots[b][v], size);
            }
            bucketFingerprints[b][v][n] = fingerprint;
            bucketSlots[b][v][n] = slot;
            bucketSizes[b][v] = n + 1;
        }
    }

    private int bucket(int band, long fingerprint) {
        return (int) ((fingerprint >>> bandShift[band]) & bandMask[band]);
    }

    /**
     * The near duplicate of a text that came first: the entry with the earliest (fetch time, order) among those
     * whose fingerprint is at most {@link #threshold} bits from {@code fingerprint}, whose id is not {@code id} and
     * that came before (fetchTime, order): never the article itself, never a later copy. An article not indexed
     * yet passes {@code Long.MAX_VALUE} as its order: it comes after every indexed one fetched at the same time.
     */
    public Match earliestNearDuplicate(String id, long fingerprint, long fetchTime, long order) {
        int best = -1;
        int bestDistance = 0;
        for (int b = 0; b < bandShift.length; b++) {
            int v = bucket(b, fingerprint);
            long[] fps = bucketFingerprints[b][v];
            int n = bucketSizes[b][v];
            for (int i = 0; i < n; i++) {
                int distance = Long.bitCount(fps[i] ^ fingerprint);
                if (distance > threshold) {
                    continue;
                }
                int slot = bucketSlots[b][v][i];
                if (earlier(fetchTimes[slot], orders[slot], fetchTime, order) && !ids[slot].equals(id)
                        && (best < 0 || earlier(fetchTimes[slot], orders[slot], fetchTimes[best], orders[best]))) {
                    best = slot;
                    bestDistance = distance;
                }
            }
        }
        return best < 0 ? null : new Match(ids[best], orders[best], fetchTimes[best], bestDistance);
    }

    /** Whether an article (fetched at, order) came before another: by fetch time, then order. */
    static boolean earlier(long fetchTime, long order, long otherFetchTime, long otherOrder) {
        return fetchTime != otherFetchTime ? fetchTime < otherFetchTime : order < otherOrder;
    }

    private void evict(int slot) {
        String id = ids[slot];
        if (id == null) {
            return;
        }
        slotById.remove(id);
        long fingerprint = fingerprints[slot];
        for (int b = 0; b < bandShift.length; b++) {
            int v = bucket(b, fingerprint);
            int[] slots = bucketSlots[b][v];
            int n = bucketSizes[b][v];
            // Order within a bucket does not matter (a lookup takes the smallest order): swap in the last one.
            for (int i = 0; i < n; i++) {
                if (slots[i] == slot) {
                    slots[i] = slots[n - 1];
                    bucketFingerprints[b][v][i] = bucketFingerprints[b][v][n - 1];
                    bucketSizes[b][v] = n - 1;
                    break;
                }
            }
        }
        ids[slot] = null;
    }
}
