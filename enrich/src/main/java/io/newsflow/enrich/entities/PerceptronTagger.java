package io.newsflow.enrich.entities;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A first-order sequence tagger over BIO labels, trained as an averaged structured perceptron (Collins 2002) and
 * decoded with Viterbi. Features are 64-bit hashes ({@link Features}); the weights of a feature are one row of
 * {@link #LABELS} floats. Immutable after training or loading, so decoding is thread-safe.
 */
public final class PerceptronTagger {

    public static final String[] LABELS = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"};
    public static final int L = LABELS.length;
    private static final int MAGIC = 0x4e464e52; // "NFNR"

    private long[] keys;      // open addressing, 0 = empty
    private int[] rows;
    private int size;
    private float[] weights;  // size rows * L
    private final float[] trans = new float[(L + 1) * L]; // [prev (L = start)][cur]

    private PerceptronTagger(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity * 2)) * 2;
        keys = new long[cap];
        rows = new int[cap];
        weights = new float[Math.max(16, capacity) * L];
    }

    static boolean allowed(int prev, int cur) {
        // I-X only after B-X or I-X; prev == L is the start
        if (cur == 2 || cur == 4 || cur == 6) {
            return prev == cur || prev == cur - 1;
        }
        return true;
    }

    private int find(long key) {
        if (key == 0) {
            key = 1;
        }
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return rows[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    private int findOrAdd(long key) {
        if (key == 0) {
            key = 1;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return rows[i];
            }
            if (k == 0) {
                keys[i] = key;
                rows[i] = size;
                if ((size + 1) * L > weights.length) {
                    weights = Arrays.copyOf(weights, weights.length * 2);
                }
                return size++;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] ok = keys;
        int[] or = rows;
        keys = new long[ok.length * 2];
        rows = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != 0) {
                int i = (int) (mix(ok[j]) & mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                rows[i] = or[j];
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /**
     * For a loaded model: each hash slot's key and its {@link #L} 16-bit weights side by side, {@link #STRIDE} longs
     * per slot (the key, then the weights four to a long), so that a feature costs one memory access, not one for
     * its key and another for its weights; half the memory of float weights (the German model takes 50 MB, not 107).
     * A feature's weight is {@link #slotScale} times its short.
     */
    private long[] table;
    private int tableMask;
    private float slotScale;
    private static final int STRIDE = 3;

    /**
     * A blocked Bloom filter over the loaded model's keys: one 64-bit word per key with two of its bits set, at
     * least 16 bits per key (English 512 kB, German 2 MB, against tables of 12.6 and 50 MB). Most context features
     * (word pairs, suffix pairs) of unseen text are not in the model; the filter turns them away from a word that
     * stays in the CPU caches instead of a probe into the table that misses them. No false negatives, so the sums
     * are those of the table alone.
     */
    private long[] present;
    private int presentMask;
    /** Off with {@code -Dnewsflow.ner.noPresenceFilter=true}, to measure what the filter buys (the sums are equal). */
    static final boolean PRESENCE_FILTER = !Boolean.getBoolean("newsflow.ner.noPresenceFilter");

    /**
     * The filter word of a key, from the high bits of its slot hash (40 and up, so up to 2^24 words), which the
     * table's index (the low bits) does not use; its two bits come from the low 12.
     */
    private static int presentWord(long mixed, int mask) {
        return (int) (mixed >>> 40) & mask;
    }

    private static long presentBits(long mixed) {
        return (1L << (mixed & 63)) | (1L << ((mixed >>> 6) & 63));
    }

    /** Whether the loaded model may have feature {@code f}: false only when it does not. */
    boolean mayHave(long f) {
        long mixed = mix(f == 0 ? 1 : f);
        long want = presentBits(mixed);
        return (present[presentWord(mixed, presentMask)] & want) == want;
    }

    /** The loaded model's feature hashes (with 0 read as 1, as the table keeps it), in slot order. */
    long[] loadedKeys() {
        long[] out = new long[table.length / STRIDE];
        int n = 0;
        for (int slot = 0; slot < out.length; slot++) {
            long k = table[slot * STRIDE];
            if (k != 0) {
                out[n++] = k;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private void buildPresent(long[] slotKeys, int count) {
        // a power of two of at least count / 4 words: 16 to 32 bits per key, about 1-2% false positives
        int atLeast = Math.max(64, count / 4);
        int words = Integer.highestOneBit(atLeast) == atLeast ? atLeast : Integer.highestOneBit(atLeast) * 2;
        long[] bits = new long[words];
        int mask = bits.length - 1;
        for (long k : slotKeys) {
            if (k != 0) {
                long m = mix(k);
                bits[presentWord(m, mask)] |= presentBits(m);
            }
        }
        present = bits;
        presentMask = mask;
    }

    private void compact(short[] quantised, float scale) {
        if (L != 7) {
            throw new IllegalStateException("the slot layout holds 7 labels");
        }
        long[] t = new long[keys.length * STRIDE];
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0) {
                int r = rows[slot] * L;
                t[slot * STRIDE] = keys[slot];
                t[slot * STRIDE + 1] = packed(quantised, r, 4);
                t[slot * STRIDE + 2] = packed(quantised, r + 4, 3);
            }
        }
        table = t;
        tableMask = keys.length - 1;
        slotScale = scale;
        buildPresent(keys, size);
        // decoding reads only the table; a loaded model is not trained or saved again
        keys = null;
        rows = null;
        weights = null;
    }

    private static long packed(short[] w, int from, int count) {
        long v = 0;
        for (int y = 0; y < count; y++) {
            v |= (w[from + y] & 0xffffL) << (16 * y);
        }
        return v;
    }

    private float[] emissions(long[][] feats) {
        int n = feats.length;
        if (table == null) {
            float[] em = new float[n * L];
            for (int i = 0; i < n; i++) {
                int base = i * L;
                for (long f : feats[i]) {
                    int r = find(f);
                    if (r < 0) {
                        continue;
                    }
                    int wb = r * L;
                    for (int y = 0; y < L; y++) {
                        em[base + y] += weights[wb + y];
                    }
                }
            }
            return em;
        }
        // sums of 16-bit integers are exact in an int (and were in the floats before), so the order of the
        // features does not change a score
        int[] sums = new int[n * L];
        for (int i = 0; i < n; i++) {
            for (long f : feats[i]) {
                addWeights(f, sums, i * L);
            }
        }
        return scaled(sums, 0, n);
    }

    /** Tokens {@code [from, to)} of emission sums in the loaded model's 16-bit units, as scores. */
    private float[] scaled(int[] sums, int from, int to) {
        float[] em = new float[(to - from) * L];
        for (int i = 0; i < em.length; i++) {
            em[i] = (float) sums[from * L + i] * slotScale;
        }
        return em;
    }

    /** The scores less {@code outsidePenalty} for the label O at each of the {@code n} tokens. */
    private static float[] penalised(float[] em, int n, float outsidePenalty) {
        if (outsidePenalty != 0f) {
            for (int i = 0; i < n; i++) {
                em[i * L] -= outsidePenalty;
            }
        }
        return em;
    }

    /** Whether the model was loaded ({@link #load}), so that {@link #addWeights} can read its 16-bit weights. */
    boolean loaded() {
        return table != null;
    }

    /**
     * Adds a feature's {@link #L} weights, in the loaded model's 16-bit units, to {@code sum[at..at+L)}; nothing
     * when the model does not have it.
     */
    void addWeights(long f, int[] sum, int at) {
        long key = f == 0 ? 1 : f;
        long mixed = mix(key);
        long want = presentBits(mixed);
        if (PRESENCE_FILTER && (present[presentWord(mixed, presentMask)] & want) != want) {
            return;
        }
        long[] t = table;
        int mask = tableMask;
        int slot = (int) (mixed & mask);
        long k;
        while ((k = t[slot * STRIDE]) != key && k != 0) {
            slot = (slot + 1) & mask;
        }
        if (k == 0) {
            return;
        }
        long a = t[slot * STRIDE + 1];
        long b = t[slot * STRIDE + 2];
        sum[at] += (short) a;
        sum[at + 1] += (short) (a >>> 16);
        sum[at + 2] += (short) (a >>> 32);
        sum[at + 3] += (short) (a >>> 48);
        sum[at + 4] += (short) b;
        sum[at + 5] += (short) (b >>> 16);
        sum[at + 6] += (short) (b >>> 32);
    }

    /**
     * As {@link #decode(long[][], float)} for tokens {@code [from, to)} of emission sums in this loaded model's
     * 16-bit units ({@link #L} ints a token, as {@link #addWeights} adds them): the same scores, so the same labels.
     */
    int[] decodeSums(int[] sums, int from, int to, float outsidePenalty) {
        int n = to - from;
        return viterbi(penalised(scaled(sums, from, to), n, outsidePenalty), n);
    }

    /** The best label sequence (indices into {@link #LABELS}). */
    public int[] decode(long[][] feats) {
        return decode(feats, 0f);
    }

    /**
     * The best label sequence when the label O scores {@code outsidePenalty} less at every token: a positive
     * penalty trades precision for recall.
     */
    public int[] decode(long[][] feats, float outsidePenalty) {
        return viterbi(penalised(emissions(feats), feats.length, outsidePenalty), feats.length);
    }

    private int[] viterbi(float[] em, int n) {
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        float[] score = new float[n * L];
        int[] back = new int[n * L];
        for (int y = 0; y < L; y++) {
            score[y] = allowed(L, y) ? em[y] + trans[L * L + y] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int y = 0; y < L; y++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < L; p++) {
                    if (!allowed(p, y)) {
                        continue;
                    }
                    float v = score[(i - 1) * L + p] + trans[p * L + y];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                score[i * L + y] = best + em[i * L + y];
                back[i * L + y] = arg;
            }
        }
        int arg = 0;
        float best = Float.NEGATIVE_INFINITY;
        for (int y = 0; y < L; y++) {
            if (score[(n - 1) * L + y] > best) {
                best = score[(n - 1) * L + y];
                arg = y;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            out[i] = arg;
            arg = back[i * L + arg];
        }
        return out;
    }

    /** Print progress while training. */
    public static volatile boolean verbose;

    /** One training sequence. */
    public record Sequence(long[][] feats, int[] gold) {
    }

    /** Trains an averaged perceptron; deterministic for a given seed and input order. */
    public static PerceptronTagger train(List<Sequence> data, int epochs, long seed) {
        PerceptronTagger m = new PerceptronTagger(1 << 16);
        // averaging: total[i] accumulates weight * time lazily
        float[][] acc = {new float[m.weights.length]};
        int[][] stamp = {new int[m.weights.length]};
        float[] transAcc = new float[m.trans.length];
        int[] transStamp = new int[m.trans.length];
        int[] time = {0};
        List<Sequence> order = new ArrayList<>(data);
        Random rnd = new Random(seed);
        for (int e = 0; e < epochs; e++) {
            java.util.Collections.shuffle(order, rnd);
            int errors = 0;
            for (Sequence s : order) {
                time[0]++;
                int[] pred = m.decode(s.feats());
                if (Arrays.equals(pred, s.gold())) {
                    continue;
                }
                for (int i = 0; i < pred.length; i++) {
                    int g = s.gold()[i];
                    int p = pred[i];
                    int gp = i == 0 ? L : s.gold()[i - 1];
                    int pp = i == 0 ? L : pred[i - 1];
                    if (g != p) {
                        errors++;
                        for (long f : s.feats()[i]) {
                            int r = m.findOrAdd(f);
                            if (r * L + L > acc[0].length) {
                                acc[0] = Arrays.copyOf(acc[0], m.weights.length);
                                stamp[0] = Arrays.copyOf(stamp[0], m.weights.length);
                            }
                            update(m.weights, acc[0], stamp[0], r * L + g, 1f, time[0]);
                            update(m.weights, acc[0], stamp[0], r * L + p, -1f, time[0]);
                        }
                    }
                    if (g != p || gp != pp) {
                        update(m.trans, transAcc, transStamp, gp * L + g, 1f, time[0]);
                        update(m.trans, transAcc, transStamp, pp * L + p, -1f, time[0]);
                    }
                }
            }
            if (verbose) {
                System.err.printf("epoch %d: %d token errors, %d features%n", e + 1, errors, m.size);
            }
        }
        // finish averaging
        int t = time[0];
        for (int i = 0; i < m.size * L; i++) {
            acc[0][i] += (t - stamp[0][i]) * m.weights[i];
            m.weights[i] = acc[0][i] / t;
        }
        for (int i = 0; i < m.trans.length; i++) {
            transAcc[i] += (t - transStamp[i]) * m.trans[i];
            m.trans[i] = transAcc[i] / t;
        }
        return m;
    }

    private static void update(float[] w, float[] acc, int[] stamp, int i, float delta, int time) {
        acc[i] += (time - stamp[i]) * w[i];
        stamp[i] = time;
        w[i] += delta;
    }

    /** Number of features with weights. */
    public int features() {
        return size;
    }

    /**
     * Writes the model: gzip of the label count, the transition weights, then features sorted by hash with their
     * weights quantised to 16 bits; features whose weights all round to zero are left out. Deterministic.
     */
    public void save(OutputStream out) throws IOException {
        if (weights == null) {
            throw new IllegalStateException("a loaded model is saved as it was read: copy its file instead");
        }
        float max = 1e-9f;
        for (int i = 0; i < size * L; i++) {
            max = Math.max(max, Math.abs(weights[i]));
        }
        float scale = max / 32767f;
        long[] sorted = new long[size];
        int k = 0;
        for (long key : keys) {
            if (key != 0) {
                sorted[k++] = key;
            }
        }
        Arrays.sort(sorted);
        List<Long> kept = new ArrayList<>();
        for (long key : sorted) {
            int r = find(key);
            boolean any = false;
            for (int y = 0; y < L; y++) {
                if (Math.round(weights[r * L + y] / scale) != 0) {
                    any = true;
                }
            }
            if (any) {
                kept.add(key);
            }
        }
        GZIPOutputStream gz = new GZIPOutputStream(out);
        DataOutputStream d = new DataOutputStream(gz);
        d.writeInt(MAGIC);
        d.writeInt(L);
        for (float v : trans) {
            d.writeFloat(v);
        }
        d.writeFloat(scale);
        d.writeInt(kept.size());
        long prev = Long.MIN_VALUE;
        for (long key : kept) {
            d.writeLong(key);
            prev = key;
        }
        for (long key : kept) {
            int r = find(key);
            for (int y = 0; y < L; y++) {
                d.writeShort(Math.round(weights[r * L + y] / scale));
            }
        }
        d.flush();
        gz.finish();
    }

    /** Reads a model written by {@link #save}. */
    public static PerceptronTagger load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        if (d.readInt() != MAGIC || d.readInt() != L) {
            throw new IOException("not a Newsflow NER model");
        }
        float[] tr = new float[(L + 1) * L];
        for (int i = 0; i < tr.length; i++) {
            tr[i] = d.readFloat();
        }
        float scale = d.readFloat();
        int n = d.readInt();
        PerceptronTagger m = new PerceptronTagger(n);
        System.arraycopy(tr, 0, m.trans, 0, tr.length);
        long[] ks = new long[n];
        for (int i = 0; i < n; i++) {
            ks[i] = d.readLong();
            m.findOrAdd(ks[i]);
        }
        short[] quantised = new short[Math.max(1, n) * L];
        for (int i = 0; i < n; i++) {
            int r = m.find(ks[i]);
            for (int y = 0; y < L; y++) {
                quantised[r * L + y] = d.readShort();
            }
        }
        m.weights = null;
        m.compact(quantised, scale);
        return m;
    }
}
