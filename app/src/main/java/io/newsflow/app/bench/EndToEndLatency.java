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
 *
 * @param sentMillis    each matched page's send timestamp, in send order
 * @param latencyMillis the latency of the page at the same index
 */
record EndToEndLatency(long[] sentMillis, long[] latencyMillis) {

    /** A page sent to news.raw: its key and its record timestamp. */
    record Sent(String key, long timestampMillis) {
    }

    /** An enriched record read: its key and when the reader got it. */
    record Arrived(String key, long atMillis) {
    }

    static EndToEndLatency of(List<Sent> sent, List<Arrived> arrived) {
        Map<String, ArrayDeque<Integer>> pending = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            pending.computeIfAbsent(sent.get(i).key(), k -> new ArrayDeque<>()).add(i);
        }
        long[] latencyOfSend = new long[sent.size()];
        Arrays.fill(latencyOfSend, -1);
        for (Arrived a : arrived) {
            ArrayDeque<Integer> sends = pending.get(a.key());
            Integer index = sends == null ? null : sends.poll();
            if (index != null) {
                latencyOfSend[index] = Math.max(0, a.atMillis() - sent.get(index).timestampMillis());
            }
        }
        int matched = (int) Arrays.stream(latencyOfSend).filter(l -> l >= 0).count();
        long[] sentMillis = new long[matched];
        long[] latencyMillis = new long[matched];
        for (int i = 0, j = 0; i < latencyOfSend.length; i++) {
            if (latencyOfSend[i] >= 0) {
                sentMillis[j] = sent.get(i).timestampMillis();
                latencyMillis[j++] = latencyOfSend[i];
            }
        }
        return new EndToEndLatency(sentMillis, latencyMillis);
    }

    int count() {
        return latencyMillis.length;
    }

    /** The nearest-rank percentile ({@code p} in 0..100), in milliseconds; 0 when nothing arrived. */
    long percentile(double p) {
        return nearestRank(latencyMillis.clone(), p);
    }

    /**
     * The {@code p} percentile of the pages sent in each of {@code periods} equal slices of the send time, in
     * order: where in a run the tail came from (a warm-up still compiling, a pause, a backlog building up).
     */
    List<Long> percentileBySendTime(double p, int periods) {
        List<Long> result = new ArrayList<>();
        if (sentMillis.length == 0 || periods < 1) {
            return result;
        }
        long first = Arrays.stream(sentMillis).min().orElse(0);
        long span = Arrays.stream(sentMillis).max().orElse(0) - first + 1;
        List<List<Long>> slices = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            slices.add(new ArrayList<>());
        }
        for (int i = 0; i < sentMillis.length; i++) {
            slices.get((int) Math.min(periods - 1, (sentMillis[i] - first) * periods / span)).add(latencyMillis[i]);
        }
        for (List<Long> slice : slices) {
            result.add(nearestRank(slice.stream().mapToLong(Long::longValue).toArray(), p));
        }
        return result;
    }

    private static long nearestRank(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.min(values.length, Math.max(1, rank)) - 1];
    }
}
