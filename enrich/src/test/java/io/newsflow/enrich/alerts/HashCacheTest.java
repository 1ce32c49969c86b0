package io.newsflow.enrich.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HashCacheTest {

    @Test
    void storesByHashAndForgetsEverythingWhenHalfFull() {
        HashCache<String> cache = new HashCache<>(4);
        assertNull(cache.get(42));
        cache.put(42, "a");
        cache.put(42 + 16, "b");
        assertEquals("a", cache.get(42));
        assertEquals("b", cache.get(42 + 16));
        cache.put(42, "c");
        assertEquals("c", cache.get(42));
        for (long h = 100; h < 106; h++) {
            cache.put(h, "x" + h);
        }
        assertEquals("x105", cache.get(105));
        cache.put(200, "y");
        assertNull(cache.get(42), "cleared when more than half full");
    }
}
