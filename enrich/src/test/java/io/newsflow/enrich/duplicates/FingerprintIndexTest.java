package io.newsflow.enrich.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The band index: exact up to its threshold, earliest fetched wins, never itself or a later article, bounded. */
class FingerprintIndexTest {

    /** The fingerprint with the given bits flipped. */
    static long flip(long fp, int... bits) {
        for (int bit : bits) {
            fp ^= 1L << bit;
        }
        return fp;
    }

    @Test
    void findsEveryFingerprintWithinTheThresholdAndNoneBeyond() {
        SplittableRandom random = new SplittableRandom(7);
        for (int threshold = 3; threshold <= 10; threshold++) {
            FingerprintIndex index = new FingerprintIndex(10_000, threshold);
            for (int i = 0; i < 2000; i++) {
                index.add("noise-" + i, random.nextLong(), i);
            }
            long base = random.nextLong();
            index.add("base", base, 5000);
            for (int trial = 0; trial < 300; trial++) {
                int d = random.nextInt(threshold + 3);
                long query = base;
                while (Long.bitCount(query ^ base) < d) {
                    query ^= 1L << random.nextInt(64);
                }
                FingerprintIndex.Match match = index.earliestNearDuplicate("query", query, Long.MAX_VALUE, Long.MAX_VALUE);
                if (d <= threshold) {
                    assertTrue(match != null && match.id().equals("base"), "threshold " + threshold + ", distance " + d);
                    assertEquals(d, match.distance());
                } else {
                    assertTrue(match == null || !match.id().equals("base"), "threshold " + threshold + ", distance " + d);
                }
            }
        }
    }

    @Test
    void theEarliestFetchedWinsNeverItselfNorALaterOne() {
        FingerprintIndex index = new FingerprintIndex(100, 7);
        long fp = 0x0123456789abcdefL;
        // Indexed in another order than fetched, as copies read from two partitions are.
        index.add("b", flip(fp, 1), 1, 2_000);
        index.add("a", flip(fp, 2, 3), 2, 1_000);
        index.add("c", fp, 3, 3_000);
        assertEquals("a", index.earliestNearDuplicate("new", fp, Long.MAX_VALUE, Long.MAX_VALUE).id(),
                "earliest fetched, not nearest nor first indexed");
        assertEquals("a", index.earliestNearDuplicate("c", fp, 3_000, 3).id());
        assertNull(index.earliestNearDuplicate("a", flip(fp, 2, 3), 1_000, 2), "nothing was fetched before a");
        assertEquals("a", index.earliestNearDuplicate("b", flip(fp, 1), 2_000, 1).id());
        assertEquals("b", index.earliestNearDuplicate("a", flip(fp, 2, 3), Long.MAX_VALUE, Long.MAX_VALUE).id(),
                "with no bound, the earliest other than itself");
    }

    @Test
    void equalFetchTimesAreOrderedByOrderAndUnknownOnesComeFirst() {
        FingerprintIndex index = new FingerprintIndex(100, 7);
        long fp = 0x0123456789abcdefL;
        index.add("m", fp, 1, 5_000);
        index.add("k", fp, 2, 5_000);
        assertEquals("m", index.earliestNearDuplicate("k", fp, 5_000, 2).id());
        assertNull(index.earliestNearDuplicate("m", fp, 5_000, 1));
        assertEquals("m", index.earliestNearDuplicate("new", fp, 5_000, Long.MAX_VALUE).id(),
                "one not indexed yet comes after those of its fetch time");
        index.add("z", fp, 3);
        assertEquals("z", index.earliestNearDuplicate("m", fp, 5_000, 1).id(), "an unknown fetch time is the oldest");
    }

    @Test
    void theFirstFingerprintOfAnIdStaysAndAProvisionalOrderTakesTheRealOne() {
        FingerprintIndex index = new FingerprintIndex(100, 7);
        index.add("a", 1L, FingerprintIndex.PROVISIONAL + 3);
        index.add("a", 1L, 42);
        assertEquals(42, index.orderOf("a"));
        index.add("a", ~1L, 50);
        assertEquals(42, index.orderOf("a"));
        assertEquals(-1, index.orderOf("b"));
        assertNull(index.earliestNearDuplicate("x", ~1L, Long.MAX_VALUE, Long.MAX_VALUE), "the second fingerprint of a was not indexed");
        assertEquals(1, index.size());
    }

    @Test
    void theOldestAreEvictedBeyondTheCapacity() {
        FingerprintIndex index = new FingerprintIndex(3, 3);
        for (int i = 0; i < 5; i++) {
            index.add("a" + i, SimHash.hash("a" + i), i);
        }
        assertEquals(3, index.size());
        assertFalse(index.contains("a0"));
        assertFalse(index.contains("a1"));
        assertTrue(index.contains("a4"));
        assertNull(index.earliestNearDuplicate("q", SimHash.hash("a0"), Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals("a2", index.earliestNearDuplicate("q", SimHash.hash("a2"), Long.MAX_VALUE, Long.MAX_VALUE).id());
        index.add("a5", SimHash.hash("a5"), 5);
        assertNull(index.earliestNearDuplicate("q", SimHash.hash("a2"), Long.MAX_VALUE, Long.MAX_VALUE), "a2 was evicted in turn");
        assertEquals("a5", index.earliestNearDuplicate("q", SimHash.hash("a5"), Long.MAX_VALUE, Long.MAX_VALUE).id());
        assertThrows(IllegalArgumentException.class, () -> new FingerprintIndex(0, 7));
        assertThrows(IllegalArgumentException.class, () -> new FingerprintIndex(10, 2));
    }

    /** Not a timed test: prints the heap an entry costs and the cost of a lookup in a full index. */
    @Test
    void measureMemoryPerEntryAndLookupCost() {
        int n = 200_000;
        SplittableRandom random = new SplittableRandom(1);
        System.gc();
        long before = usedHeap();
        FingerprintIndex index = new FingerprintIndex(n, FingerprintIndex.DEFAULT_THRESHOLD);
        for (int i = 0; i < n; i++) {
            // A typical article id: an https URL of about 80 characters.
            index.add("https://www.example-news-site.com/politics/2024/05/14/story-about-something-" + (10_000_000 + i),
                    random.nextLong(), i);
        }
        System.gc();
        long bytes = usedHeap() - before;
        long found = 0;
        long t0 = System.nanoTime();
        int lookups = 20_000;
        for (int i = 0; i < lookups; i++) {
            found += index.earliestNearDuplicate("q", random.nextLong(), Long.MAX_VALUE, Long.MAX_VALUE) == null ? 0 : 1;
        }
        double micros = (System.nanoTime() - t0) / 1e3 / lookups;
        System.out.printf("fingerprint index: %d entries, %.0f bytes per entry (80-char ids), threshold %d: "
                + "%.1f µs per lookup, %d random hits%n", n, (double) bytes / n, index.threshold(), micros, found);
        assertEquals(n, index.size());
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
