package io.newsflow.extract.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShingleMetricTest {

    @Test
    void tokensFollowPythonsWordClass() {
        assertEquals(List.of("Blinken", "s", "talks", "2021", "snake_case", "Россия"),
                ShingleMetric.tokens("Blinken's talks — 2021! snake_case, «Россия»"));
        // Combining marks are not word characters for Python's re: a decomposed é splits the token.
        assertEquals(List.of("cafe", "x"), ShingleMetric.tokens("cafe\u0301x"));
    }

    @Test
    void pageCountsAndAggregate() {
        ShingleMetric.PageCounts same = ShingleMetric.counts("a b c d e", "a b c d e");
        assertEquals(new ShingleMetric.PageCounts(2, 0, 0), same);
        ShingleMetric.PageCounts half = ShingleMetric.counts("a b c d e", "a b c d x y");
        assertEquals(1, half.tp());
        assertEquals(2, half.fp());
        assertEquals(1, half.fn());
        ShingleMetric.PageCounts empty = ShingleMetric.counts("a b c d e", "");
        ShingleMetric.Score s = ShingleMetric.aggregate(List.of(same, half, empty), List.of(true, false, false));
        // Precision averages over pages with a prediction (2), recall over pages with gold (3).
        assertEquals((1.0 + 1.0 / 3) / 2, s.precision(), 1e-12);
        assertEquals((1.0 + 0.5 + 0) / 3, s.recall(), 1e-12);
        assertEquals(1.0 / 3, s.accuracy(), 1e-12);
        assertEquals(new ShingleMetric.PageCounts(1, 0, 0), ShingleMetric.counts("a b", "a b"));
    }
}
