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

    /** Linux reports process CPU in clock ticks of 10 ms ({@code getconf CLK_TCK} is 100 on every common kernel). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The JVM's CPU and that of the server whose data directory is {@code dataDir} (its {@code postmaster.pid}). */
    static JvmAndServerCpu now(Path dataDir) {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        long ticks = 0;
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            ticks = ticks(postmaster) + ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children)
                    .mapToLong(p -> ticks(p.pid())).sum();
        } catch (IOException | RuntimeException e) {
            // Not running from that directory, or no /proc: the server's share reads 0.
        }
        return new JvmAndServerCpu(jvm, ticks * NANOS_PER_TICK);
    }

    /** utime + stime + cutime + cstime of a process; 0 when it has ended or there is no /proc. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    JvmAndServerCpu minus(JvmAndServerCpu before) {
        return new JvmAndServerCpu(jvmNanos - before.jvmNanos, postgresNanos - before.postgresNanos);
    }
}
