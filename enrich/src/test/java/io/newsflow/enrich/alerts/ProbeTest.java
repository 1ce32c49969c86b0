package io.newsflow.enrich.alerts;

import org.junit.jupiter.api.Test;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.enrich.Enricher;

class ProbeTest {
    @Test
    void probe() {
        var e = new Enricher().enrich(RbcStory.article());
        e.entities().forEach(x -> System.out.println("ENT " + x));
        e.tags().forEach(x -> System.out.println("TAG " + x));
        System.out.println("LANG " + e.language());
    }
}
