package io.newsflow.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Distributional word classes: each known lower-case word has a cluster id at a few granularities (coarse to fine),
 * learned from unlabeled text, so the tagger can generalise from a name it saw to names used alike («Kristiansand»
 * like «Arendal»). Read from a gzipped table {@code word<TAB>id<TAB>id...}, one word a line, the same number of
 * levels on each; {@code enrich/tools/clusters} makes them. Kept in one open-addressed table (a word and its ids
 * packed in a long), about 30 bytes a word plus the strings.
 */
public final class WordClusters {

    /** The ids of a word not in the table. */
    public static final long NONE = -1L;

    private final String[] keys;
    private final long[] values;
    private final int mask;
    private final int levels;
    private final int bitsPerLevel;

    private WordClusters(String[] keys, long[] values, int levels, int bitsPerLevel) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.levels = levels;
        this.bitsPerLevel = bitsPerLevel;
    }

    /** How many granularities each word has. */
    public int levels() {
        return levels;
    }

    /** The word's ids packed ({@link #level}), or {@link #NONE}. */
    public long of(String lower) {
        int i = mix(lower.hashCode()) & mask;
        while (keys[i] != null) {
            if (keys[i].equals(lower)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return NONE;
    }

    /** Level {@code l}'s id out of the packed ids {@code packed} (not {@link #NONE}). */
    public int level(long packed, int l) {
        return (int) (packed >>> (l * bitsPerLevel)) & ((1 << bitsPerLevel) - 1);
    }

    private static int mix(int h) {
        h *= 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    /** Reads a table from a file (gzipped). */
    public static WordClusters read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a class-path resource next to this class, or null when it is absent. */
    public static WordClusters resource(String name) {
        try (InputStream in = WordClusters.class.getResourceAsStream(name)) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WordClusters read(InputStream gz) throws IOException {
        java.util.List<String> words = new java.util.ArrayList<>();
        java.util.List<int[]> ids = new java.util.ArrayList<>();
        int max = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] p = line.split("\t");
                if (p.length < 2) {
                    continue;
                }
                int[] v = new int[p.length - 1];
                for (int k = 0; k < v.length; k++) {
                    v[k] = Integer.parseInt(p[k + 1]);
                    max = Math.max(max, v[k]);
                }
                words.add(p[0]);
                ids.add(v);
            }
        }
        int levels = ids.isEmpty() ? 0 : ids.get(0).length;
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, max));
        if (levels * bits > 63) {
            throw new IllegalArgumentException("too many cluster levels: " + levels + " of " + bits + " bits");
        }
        int size = Integer.highestOneBit(Math.max(2, words.size() * 2)) * 2;
        String[] keys = new String[size];
        long[] values = new long[size];
        for (int j = 0; j < words.size(); j++) {
            long packed = 0;
            int[] v = ids.get(j);
            for (int k = 0; k < levels; k++) {
                packed |= (long) v[k] << (k * bits);
            }
            String w = words.get(j);
            int i = mix(w.hashCode()) & (size - 1);
            while (keys[i] != null && !keys[i].equals(w)) {
                i = (i + 1) & (size - 1);
            }
            keys[i] = w;
            values[i] = packed;
        }
        return new WordClusters(keys, values, levels, bits);
    }
}
