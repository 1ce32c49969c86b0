package io.newsflow.enrich.alerts;

import java.util.Arrays;

/**
 * A bounded cache from 64-bit hashes (never 0) to values, by open addressing: one probe of two arrays instead of a
 * map lookup with string hashing and comparison. Cleared when half full. Thread-safe: stores are serialised, and
 * a lookup racing a store either misses (the caller computes the value again) or returns a value stored for that
 * hash (entries are immutable). Two different keys with the same 64-bit hash are not told apart (odds about 1 in
 * 10^13 per lookup).
 */
final class HashCache<V> {

    private static final int PROBES = 8;

    private final long[] keys;
    private final Entry[] values;
    private final int mask;
    private int size;

    private record Entry(long hash, Object value) {
    }

    HashCache(int log2Capacity) {
        keys = new long[1 << log2Capacity];
        values = new Entry[1 << log2Capacity];
        mask = keys.length - 1;
    }

    @SuppressWarnings("unchecked")
    V get(long hash) {
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (slot + probe) & mask;
            long k = keys[at];
            if (k == hash) {
                Entry entry = values[at];
                return entry != null && entry.hash == hash ? (V) entry.value : null;
            }
            if (k == 0) {
                return null;
            }
        }
        return null;
    }

    synchronized void put(long hash, V value) {
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (slot + probe) & mask;
            if (keys[at] == 0 || keys[at] == hash) {
                boolean fresh = keys[at] == 0;
                values[at] = new Entry(hash, value);
                keys[at] = hash;
                if (fresh && ++size > keys.length / 2) {
                    Arrays.fill(keys, 0L);
                    Arrays.fill(values, null);
                    size = 0;
                }
                return;
            }
        }
    }
}
