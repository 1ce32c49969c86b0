package io.newsflow.ingest.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Spaces the requests to one host by a fixed delay, so that a feed of one site does not hammer it. */
final class HostPacer {

    private final long delayNanos;
    private final Map<String, Long> nextSlot = new HashMap<>();

    HostPacer(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Blocks until this host may be asked again, and books the slot after it. */
    void await(String host) throws InterruptedException {
        if (delayNanos <= 0 || host == null) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot.getOrDefault(host, now));
            nextSlot.put(host, slot + delayNanos);
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
