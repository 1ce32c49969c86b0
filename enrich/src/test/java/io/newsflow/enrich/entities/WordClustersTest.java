package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** The cluster table gives back each word's ids at every level, and the tagger's features use them. */
class WordClustersTest {

    private static WordClusters table(String rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(rows.getBytes(StandardCharsets.UTF_8));
        }
        return WordClusters.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void readsEveryLevelOfEveryWord() throws IOException {
        WordClusters t = table("berlin\t3\t17\t1000\t4095\nparis\t3\t17\t1001\t7\nmerkel\t0\t200\t5\t0\n");
        assertEquals(4, t.levels());
        long b = t.of("berlin");
        assertEquals(3, t.level(b, 0));
        assertEquals(17, t.level(b, 1));
        assertEquals(1000, t.level(b, 2));
        assertEquals(4095, t.level(b, 3));
        assertEquals(7, t.level(t.of("paris"), 3));
        assertEquals(200, t.level(t.of("merkel"), 1));
        assertEquals(WordClusters.NONE, t.of("Berlin"), "keys are lower-case words as written in the table");
        assertEquals(WordClusters.NONE, t.of("london"));
    }

    @Test
    void wordsOfOneClusterShareTheirFeaturesAndUnknownWordsGetTheirOwn() throws IOException {
        WordClusters t = table("berlin\t3\t17\nparis\t3\t17\nmerkel\t0\t200\n");
        Features f = Features.standard().withClusters(t);
        // each word in the same place, so only its own clusters differ
        java.util.Set<Long> berlin = clusterFeatures(f, "Berlin");
        java.util.Set<Long> paris = clusterFeatures(f, "Paris");
        java.util.Set<Long> merkel = clusterFeatures(f, "Merkel");
        java.util.Set<Long> unknown = clusterFeatures(f, "Qzxwv");
        assertFalse(berlin.isEmpty());
        assertEquals(berlin, paris, "same clusters, same features");
        assertFalse(berlin.equals(merkel));
        assertFalse(unknown.isEmpty(), "a word the table lacks says so");
        assertFalse(unknown.equals(berlin));
    }

    /** The features that the table adds to the middle word of «in WORD in». */
    private static java.util.Set<Long> clusterFeatures(Features f, String word) {
        String text = "in " + word + " in";
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        return extra(f.extract(text, tokens)[1], Features.standard().extract(text, tokens)[1]);
    }

    private static java.util.Set<Long> extra(long[] with, long[] without) {
        java.util.Set<Long> s = new java.util.HashSet<>();
        for (long h : with) {
            s.add(h);
        }
        for (long h : without) {
            s.remove(h);
        }
        return s;
    }
}
