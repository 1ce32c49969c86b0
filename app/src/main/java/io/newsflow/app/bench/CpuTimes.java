package io.newsflow.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM and of its stage threads ({@code newsflow-extract*}, {@code newsflow-enrich*}): on a machine
 * shared with other work, wall time per page says how busy the machine was, CPU time what the pipeline costs.
 */
record CpuTimes(long processNanos, long extractNanos, long enrichNanos, Map<String, Long> byThread,
                Map<String, Long> nativeByTid) {

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
        return new CpuTimes(process, extract, enrich, byThread, nativeThreads());
    }

    /**
     * CPU time of the JVM's own threads that the thread bean does not list (the JIT compilers, the garbage
     * collector's), by {@code tid/kind}, from {@code /proc/self/task}; empty where there is no such file system.
     */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> byTid = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    ProcStat stat = ProcStat.read(task.resolve("stat"));
                    String kind = kind(stat.command());
                    if (kind != null) {
                        byTid.put(task.getFileName() + "/" + kind, stat.userAndSystemNanos());
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended between the listing and the read: its time is in the remainder.
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return byTid;
    }

    /** JIT for the compiler threads, GC for the collector's and the VM thread (which runs its safepoint pauses). */
    static String kind(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")
                || threadName.startsWith("ZWorker") || threadName.startsWith("Shenandoah")) {
            return "GC";
        }
        return null;
    }

    private long nativeNanos(String kind) {
        return nativeByTid.entrySet().stream().filter(e -> e.getKey().endsWith("/" + kind))
                .mapToLong(Map.Entry::getValue).sum();
    }

    CpuTimes minus(CpuTimes before) {
        Map<String, Long> byThreadSince = new TreeMap<>(byThread);
        before.byThread.forEach((name, nanos) -> byThreadSince.merge(name, -nanos, Long::sum));
        Map<String, Long> nativeSince = new HashMap<>(nativeByTid);
        before.nativeByTid.forEach((tid, nanos) -> nativeSince.computeIfPresent(tid, (k, now) -> now - nanos));
        return new CpuTimes(processNanos - before.processNanos, extractNanos - before.extractNanos,
                enrichNanos - before.enrichNanos, byThreadSince, nativeSince);
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
        long jit = nativeNanos("JIT");
        long gc = nativeNanos("GC");
        return String.format("CPU ms per page by thread: %s; outside Java threads %.2f: JIT compilers %.2f, "
                        + "GC and VM thread %.2f, other %.2f", threads, (processNanos - listed) / perPage,
                jit / perPage, gc / perPage, (processNanos - listed - jit - gc) / perPage);
    }

    /** The JIT compilers' share of the process's CPU time (0 to 1). */
    double jitShare() {
        return processNanos <= 0 ? 0 : (double) nativeNanos("JIT") / processNanos;
    }

    /** Since the JVM started (warm-up included): CPU seconds of the process, its JIT compilers and its GC. */
    String sinceStart() {
        return String.format("since the JVM started (warm-up included): %.1f CPU-s, JIT compilers %.1f, GC and VM "
                + "thread %.1f", processNanos / 1e9, nativeNanos("JIT") / 1e9, nativeNanos("GC") / 1e9);
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
