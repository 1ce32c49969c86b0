package io.newsflow.common.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one stage instance: records in, out, dead-lettered, time spent in the transform, and any
 * named counters the stage adds (alerts per rule, say). Thread-safe; read at any time.
 */
public final class StageCounters {

    private final String stage;
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder transformNanos = new LongAdder();
    private final LongAdder aborted = new LongAdder();
    private final Map<String, LongAdder> named = new ConcurrentHashMap<>();

    public StageCounters(String stage) {
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }

    /** Adds the counts of one committed transaction. */
    public void commit(long records, long outputs, long deadLetters, long nanos, Map<String, Long> namedCounts) {
        in.add(records);
        out.add(outputs);
        deadLettered.add(deadLetters);
        transformNanos.add(nanos);
        namedCounts.forEach((name, count) -> named.computeIfAbsent(name, n -> new LongAdder()).add(count));
    }

    public void abort() {
        aborted.increment();
    }

    public long in() {
        return in.sum();
    }

    public long out() {
        return out.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }

    public long abortedTransactions() {
        return aborted.sum();
    }

    public double transformMillis() {
        return transformNanos.sum() / 1e6;
    }

    /** The stage's own counters, sorted by name. */
    public Map<String, Long> named() {
        Map<String, Long> copy = new TreeMap<>();
        named.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-8s in=%d out=%d dead-lettered=%d transform=%.0f ms", stage, in(), out(),
                deadLettered(), transformMillis()));
        if (abortedTransactions() > 0) {
            s.append(" aborted-transactions=").append(abortedTransactions());
        }
        named().forEach((name, count) -> s.append(' ').append(name).append('=').append(count));
        return s.toString();
    }
}
