package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The loaded models' presence filter never turns away a feature the model has (so the emission sums are those of
 * the table alone) and turns away most of those it has not.
 */
class PresenceFilterTest {

    private static void check(String resource) {
        PerceptronTagger m = EntityRecognizer.model(resource);
        long[] keys = m.loadedKeys();
        assertTrue(keys.length > 10_000, resource + " has " + keys.length + " features");
        for (long k : keys) {
            assertTrue(m.mayHave(k), resource + ": a feature of the model turned away");
        }
        java.util.Set<Long> known = new java.util.HashSet<>();
        for (long k : keys) {
            known.add(k);
        }
        SplittableRandom rnd = new SplittableRandom(13);
        int absent = 0;
        int passed = 0;
        while (absent < 200_000) {
            long f = rnd.nextLong();
            if (!known.contains(f)) {
                absent++;
                if (m.mayHave(f)) {
                    passed++;
                }
            }
        }
        double rate = passed / (double) absent;
        System.out.printf("%s: %d features, %.2f%% of absent ones pass the filter%n", resource, keys.length,
                100 * rate);
        assertTrue(rate < 0.05, resource + ": false positive rate " + rate);
    }

    @Test
    void englishModel() {
        check(EntityRecognizer.EN_MODEL);
    }

    @Test
    void russianModel() {
        check(EntityRecognizer.RU_MODEL);
    }
}
