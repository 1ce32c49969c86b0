package io.newsflow.enrich.entities;

/**
 * Per word form, what its word-only features add to the tagger's emission sums: at the token itself (with and
 * without a sentence start) and at each neighbour offset. Words repeat (Zipf), so most tokens cost a few array
 * additions instead of hashing and looking up some 50 features in a table far larger than the CPU caches. Bounded
 * and thread-safe: a 4-way set-associative array of immutable entries, a new entry pushing out the oldest of its
 * set (a lost race only costs a recomputation or a duplicate). The sums are exact ints, so the labels do not depend
 * on what is cached.
 */
public final class EmissionMemo {

    /**
     * Entries: 65,536 of about 0.5 kB, 32 MB at most per model. Simulated over the 121 DEV articles read in a
     * cycle, 2^15 direct-mapped slots missed 7.2% of the tokens, 2^15 in sets of 4 2.8%, 2^16 in sets of 4 0.65%.
     */
    static final int SLOTS = 1 << 16;
    private static final int WAYS = 4;
    private static final int SET_BITS = Integer.numberOfTrailingZeros(SLOTS / WAYS);
    /** Sum vectors per word: own features without and with a sentence start, then as the neighbour at -2, -1, +1, +2. */
    static final int VECTORS = 6;

    private final PerceptronTagger tagger;
    private final Features features;
    private final Features.Word[] slots = new Features.Word[SLOTS];
    /**
     * {@code slots[k].text.hashCode()}, side by side. A race may leave a hash beside another entry; the text is
     * compared anyway, so that only costs a recomputation.
     */
    private final int[] hashes = new int[SLOTS];

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

    /** Where the sums of a word standing at offset {@code d} (±1, ±2) from the token begin in {@link Features.Word#sums}. */
    static int neighbourAt(int d) {
        return (d < 0 ? d + 4 : d + 3) * PerceptronTagger.L;
    }

    /** The word form's facts and its {@link #VECTORS} sum vectors of {@link PerceptronTagger#L} ints each. */
    Features.Word get(String text) {
        // the set is the top bits of the hash times the golden ratio (Fibonacci hashing), which spreads hash codes evenly
        int h = text.hashCode();
        int base = ((h * 0x9E3779B9) >>> (32 - SET_BITS)) * WAYS;
        Features.Word[] t = slots;
        int[] hs = hashes;
        for (int k = 0; k < WAYS; k++) {
            Features.Word e = t[base + k];
            if (e == null) {
                break;
            }
            // the hash first: an entry of another word is then never read (each read is a likely cache miss)
            if (hs[base + k] == h && e.text.equals(text)) {
                return e;
            }
        }
        // the sums live in the word's own object: a hit reads one object fewer (each a likely cache miss)
        Features.Word e = features.word(text, tagger);
        for (int k = WAYS - 1; k > 0; k--) {
            t[base + k] = t[base + k - 1];
            hs[base + k] = hs[base + k - 1];
        }
        t[base] = e;
        hs[base] = h;
        return e;
    }
}
