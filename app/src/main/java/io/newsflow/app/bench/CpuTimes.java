package io.newsflow.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM and of its stage threads ({@code newsflow-extract*}, {@code newsflow-enrich*}): on a machine
 * shared with other work, wall time per page says how busy the machine was, CPU time what the pipeline costs.
 */
record CpuTimes(long processNanos, long extractNanos, long enrichNanos, Map<String, Long> byThread) {

    static CpuTimes now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long extract = 0;
        long enrich = 0;
        Map<String, Long> byThread = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            byThread.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
            if (info.getThreadName().startsWith("newsflow-extract")) {
                extract += cpu;
            } else if (info.getThreadName().startsWith("newsflow-enrich")) {
                enrich += cpu;
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new CpuTimes(process, extract, enrich, byThread);
    }

    CpuTimes minus(CpuTimes before) {
        Map<String, Long> byThreadSince = new TreeMap<>(byThread);
        before.byThread.forEach((name, nanos) -> byThreadSince.merge(name, -nanos, Long::sum));
        return new CpuTimes(processNanos - before.processNanos, extractNanos - before.extractNanos,
                enrichNanos - before.enrichNanos, byThreadSince);
    }

    /**
     * The threads other than the stages' that took the most CPU, as ms per page; what is left of the process's CPU
     * time is the JVM's own threads outside Java (garbage collection, mostly).
     */
    String otherThreads(long pages, int top) {
        double perPage = 1e6 * Math.max(1, pages);
        long listed = byThread.values().stream().mapToLong(Long::longValue).sum();
        String threads = byThread.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("newsflow-extract") && !e.getKey().startsWith("newsflow-enrich"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / perPage))
                .collect(Collectors.joining(", "));
        return String.format("CPU ms per page by thread: %s; outside Java threads (GC) %.2f", threads,
                (processNanos - listed) / perPage);
    }

    /** One line: CPU ms per page in each stage and in the rest of the JVM, and the cores the JVM kept busy. */
    String perPage(long pages, double seconds) {
        double perPage = 1e6 * Math.max(1, pages);
        long rest = processNanos - extractNanos - enrichNanos;
        return String.format("CPU per page: extract %.2f ms, enrich %.2f ms, rest of the JVM %.2f ms (broker, Kafka "
                        + "clients, GC, JIT, the bench's producer and reader); total %.2f ms, %.2f of %d cores busy",
                extractNanos / perPage, enrichNanos / perPage, rest / perPage, processNanos / perPage,
                processNanos / 1e9 / seconds, Runtime.getRuntime().availableProcessors());
    }
}
