package io.newsflow.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM and of a PostgreSQL server (its postmaster, backends, WAL writer, checkpointer, and through the
 * postmaster's waited-for children its ended autovacuum workers), so a store benchmark can say which side of the
 * connection a write's time is on.
 */
record JvmAndServerCpu(long jvmNanos, long postgresNanos) {

    /** The JVM's CPU and that of the server whose data directory is {@code dataDir} (its {@code postmaster.pid}). */
    static JvmAndServerCpu now(Path dataDir) {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        long server = 0;
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            server = cpuNanos(postmaster) + ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children)
                    .mapToLong(p -> cpuNanos(p.pid())).sum();
        } catch (IOException | RuntimeException e) {
            // Not running from that directory, or no /proc: the server's share reads 0.
        }
        return new JvmAndServerCpu(jvm, server);
    }

    /** A process's CPU with its waited-for children's; 0 when it has ended or there is no /proc. */
    private static long cpuNanos(long pid) {
        try {
            return ProcStat.read(Path.of("/proc", Long.toString(pid), "stat")).totalNanos();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    JvmAndServerCpu minus(JvmAndServerCpu before) {
        return new JvmAndServerCpu(jvmNanos - before.jvmNanos, postgresNanos - before.postgresNanos);
    }
}
