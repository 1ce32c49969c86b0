package io.newsflow.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code /proc/PID/stat} (or {@code /proc/self/task/TID/stat}) line: the command name and the CPU times, which
 * Linux gives in clock ticks, read as nanoseconds.
 */
record ProcStat(String command, long userAndSystemNanos, long waitedForChildrenNanos) {

    /** Linux reports CPU in clock ticks of 10 ms ({@code getconf CLK_TCK} is 100 on every common kernel). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** Reads a stat file; the command name may hold spaces and parentheses, so fields count from its last ')'. */
    static ProcStat read(Path statFile) throws IOException {
        return parse(Files.readString(statFile));
    }

    static ProcStat parse(String stat) {
        int close = stat.lastIndexOf(')');
        String command = stat.substring(stat.indexOf('(') + 1, close);
        String[] fields = stat.substring(close + 2).split(" ");
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long children = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return new ProcStat(command, own * NANOS_PER_TICK, children * NANOS_PER_TICK);
    }

    /** utime + stime + cutime + cstime: the process's CPU and that of the ended children it waited for. */
    long totalNanos() {
        return userAndSystemNanos + waitedForChildrenNanos;
    }
}
