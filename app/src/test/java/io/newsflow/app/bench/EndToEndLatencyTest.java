package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EndToEndLatencyTest {

    @Test
    void theNthArrivalOfAKeyBelongsToItsNthSendAndLostKeysAreLeftOut() {
        EndToEndLatency latency = EndToEndLatency.of(
                List.of(new EndToEndLatency.Sent("a", 100), new EndToEndLatency.Sent("b", 110),
                        new EndToEndLatency.Sent("a", 200), new EndToEndLatency.Sent("dead", 120)),
                List.of(new EndToEndLatency.Arrived("b", 150), new EndToEndLatency.Arrived("a", 160),
                        new EndToEndLatency.Arrived("a", 300)));
        assertEquals(3, latency.count());
        assertEquals(40, latency.percentile(0));
        assertEquals(60, latency.percentile(50));
        assertEquals(100, latency.percentile(99));
    }

    @Test
    void percentilesAreNearestRank() {
        List<EndToEndLatency.Sent> sent = new java.util.ArrayList<>();
        List<EndToEndLatency.Arrived> arrived = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            sent.add(new EndToEndLatency.Sent("k" + i, 0));
            arrived.add(new EndToEndLatency.Arrived("k" + i, i));
        }
        EndToEndLatency latency = EndToEndLatency.of(sent, arrived);
        assertEquals(50, latency.percentile(50));
        assertEquals(95, latency.percentile(95));
        assertEquals(99, latency.percentile(99));
        assertEquals(0, EndToEndLatency.of(List.of(), List.of()).percentile(99));
    }

    @Test
    void theTailIsPlacedInTheSliceOfSendTimeItCameFrom() {
        List<EndToEndLatency.Sent> sent = new java.util.ArrayList<>();
        List<EndToEndLatency.Arrived> arrived = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(new EndToEndLatency.Sent("k" + i, i * 10L));
            long latency = i >= 10 && i < 20 ? 900 : 20;
            arrived.add(new EndToEndLatency.Arrived("k" + i, i * 10L + latency));
        }
        EndToEndLatency latency = EndToEndLatency.of(sent, arrived);
        assertEquals(List.of(20L, 900L, 20L, 20L), latency.percentileBySendTime(99, 4));
        assertEquals(List.of(), EndToEndLatency.of(List.of(), List.of()).percentileBySendTime(99, 4));
    }
}
