package io.newsflow.enrich.entities;

/**
 * Per word form, what its word-only features add to the tagger's emission sums: at the token itself (with and
 * without a sentence start) and at each neighbour offset. Words repeat (Zipf), so most tokens cost a few array
 * additions instead of hashing and looking up some 50 features in a table far larger than the CPU caches. Bounded
 * and thread-safe: a direct-mapped array of immutable entries, a new entry replacing the one in its slot; a lost
 * race only costs a recomputation. The sums are exact ints, so the labels do not depend on what is cached.
 */
public final class EmissionMemo {

    /** Slots: 32,768 entries of about 0.5 kB, 16 MB at most per model. */
    static final int SLOTS = 1 << 15;
    /** Sum vectors per word: own features without and with a sentence start, then as the neighbour at -2, -1, +1, +2. */
    static final int VECTORS = 6;

    /** A word form, its facts and its {@link #VECTORS} sum vectors of {@link PerceptronTagger#L} ints each. */
    record Entry(String text, Features.Word word, int[] sums) {
    }

    private final PerceptronTagger tagger;
    private final Features features;
    private final Entry[] slots = new Entry[SLOTS];

    /** A memo for a loaded tagger ({@link PerceptronTagger#load}) with the features it was trained with. */
    public EmissionMemo(PerceptronTagger tagger, Features features) {
        if (!tagger.loaded()) {
            throw new IllegalArgumentException("the memo sums a loaded model's 16-bit weights");
        }
        this.tagger = tagger;
        this.features = features;
    }

    PerceptronTagger tagger() {
        return tagger;
    }

    Features features() {
        return features;
    }

    /** Where the sums of a word standing at offset {@code d} (±1, ±2) from the token begin in {@link Entry#sums}. */
    static int neighbourAt(int d) {
        return (d < 0 ? d + 4 : d + 3) * PerceptronTagger.L;
    }

    Entry get(String text) {
        int h = text.hashCode();
        int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
        Entry e = slots[slot];
        if (e != null && e.text().equals(text)) {
            return e;
        }
        Features.Word w = features.word(text);
        e = new Entry(text, w, features.wordSums(w, tagger));
        slots[slot] = e;
        return e;
    }
}
