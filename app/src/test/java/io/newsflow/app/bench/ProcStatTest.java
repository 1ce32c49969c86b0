package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** ProcStat reads the command name and CPU ticks of a Linux stat line. */
class ProcStatTest {

    @Test
    void countsFieldsFromTheLastParenthesisSoACommandWithSpacesAndParenthesesReadsWhole() {
        // Fields 14-17 (utime, stime, cutime, cstime) are 250, 50, 7 and 3 ticks.
        String stat = "4242 (C2 Compiler (x) 1) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 7 3 20 0 30 0 "
                + "12345 1000000 200 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";

        ProcStat read = ProcStat.parse(stat);

        assertEquals("C2 Compiler (x) 1", read.command());
        assertEquals(3_000_000_000L, read.userAndSystemNanos());
        assertEquals(100_000_000L, read.waitedForChildrenNanos());
        assertEquals(3_100_000_000L, read.totalNanos());
    }

    @Test
    void readsThisProcessOwnStatFile() throws Exception {
        Path self = Path.of("/proc/self/stat");
        assumeTrue(Files.isReadable(self), "no /proc on this system");

        ProcStat read = ProcStat.read(self);

        assertFalse(read.command().isEmpty());
        assertTrue(read.userAndSystemNanos() >= 0);
    }
}
