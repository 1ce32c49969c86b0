package io.newsflow.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReplayRangeTest {

    @Test
    void timesAreReadAsInstantsOffsetsOrDates() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), ReplayRange.parseTime("2026-11-01", "--from"));
        assertEquals(Instant.parse("2026-11-01T09:00:00Z"), ReplayRange.parseTime("2026-11-01T12:00:00+03:00", "--from"));
        assertEquals(Instant.parse("2026-11-01T12:00:00Z"), ReplayRange.parseTime("2026-11-01T12:00:00Z", "--to"));
    }

    @Test
    void everyDocumentedStartIsAccepted() {
        for (String from : new String[]{"earliest", "offset:42", "0:10,2:7", "2026-11-01", "2026-11-01T00:00:00Z"}) {
            assertEquals(from, new ReplayRange(from, "now").from());
        }
        assertEquals("earliest", new ReplayRange(null, null).from());
        assertEquals("now", new ReplayRange(null, null).to());
    }

    @Test
    void aMalformedBoundNamesTheOptionAndTheForms() {
        IllegalArgumentException from = assertThrows(IllegalArgumentException.class, () -> new ReplayRange("yesterday", "now"));
        assertTrue(from.getMessage().startsWith("--from 'yesterday' is not earliest, now, offset:N"), from.getMessage());
        IllegalArgumentException to = assertThrows(IllegalArgumentException.class, () -> new ReplayRange("earliest", "2026-13-45"));
        assertTrue(to.getMessage().startsWith("--to '2026-13-45'"), to.getMessage());
    }
}
