package io.newsflow.app.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency from each page's {@code news.raw} timestamp to its article's arrival at a {@code read_committed} reader of
 * {@code news.enriched} (so after its transaction committed). One key may be sent many times: per key, the n-th
 * arrival belongs to the n-th send, since a key stays on one partition and every stage keeps its order. Keys that
 * never arrive (dead-lettered pages) are left out.
 */
record EndToEndLatency(long[] sortedMillis) {

    /** A page sent to news.raw: its key and its record timestamp. */
    record Sent(String key, long timestampMillis) {
    }

    /** An enriched record read: its key and when the reader got it. */
    record Arrived(String key, long atMillis) {
    }

    static EndToEndLatency of(List<Sent> sent, List<Arrived> arrived) {
        Map<String, ArrayDeque<Long>> pending = new HashMap<>();
        for (Sent s : sent) {
            pending.computeIfAbsent(s.key(), k -> new ArrayDeque<>()).add(s.timestampMillis());
        }
        List<Long> latencies = new ArrayList<>(arrived.size());
        for (Arrived a : arrived) {
            ArrayDeque<Long> times = pending.get(a.key());
            Long sentAt = times == null ? null : times.poll();
            if (sentAt != null) {
                latencies.add(Math.max(0, a.atMillis() - sentAt));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new EndToEndLatency(sorted);
    }

    int count() {
        return sortedMillis.length;
    }

    /** The nearest-rank percentile ({@code p} in 0..100), in milliseconds; 0 when nothing arrived. */
    long percentile(double p) {
        if (sortedMillis.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.min(sortedMillis.length, Math.max(1, rank)) - 1];
    }
}
