package io.newsflow.enrich.entities;

/**
 * Latin and Cyrillic letters that look alike («АВС News» typed with Cyrillic А, В, С). A word that mixes the two
 * scripts, or a Cyrillic word made only of look-alike letters next to a Latin word, is rewritten letter for letter
 * into the other script. The mapping is one char to one char, so offsets do not move.
 */
public final class LookAlikes {

    private static final String CYR = "АВЕКМНОРСТХУаеорсхуіІ";
    private static final String LAT = "ABEKMHOPCTXYaeopcxyiI";

    private LookAlikes() {
    }

    static char toLatin(char c) {
        int i = CYR.indexOf(c);
        return i < 0 ? c : LAT.charAt(i);
    }

    static char toCyrillic(char c) {
        int i = LAT.indexOf(c);
        return i < 0 ? c : CYR.charAt(i);
    }

    private static boolean allLookAlike(String w, String set) {
        for (int i = 0; i < w.length(); i++) {
            if (set.indexOf(w.charAt(i)) < 0) {
                return false;
            }
        }
        return !w.isEmpty();
    }

    private static int script(String w) {
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Tokenizer.isRu(c) || c == 'і' || c == 'І') {
                cyr++;
            } else if (Tokenizer.isLat(c)) {
                lat++;
            }
        }
        return cyr > 0 && lat > 0 ? 3 : cyr > 0 ? 1 : lat > 0 ? 2 : 0;
    }

    /**
     * Folds look-alike letters in the words of a text; returns a string of the same length. Words are runs of
     * letters; a Cyrillic look-alike-only word becomes Latin when a neighbouring word is Latin, a mixed word takes
     * the script of most of its letters that are not look-alikes (Latin when there are none).
     */
    public static String fold(String text) {
        char[] out = null;
        int n = text.length();
        int[] starts = new int[n + 1];
        int[] ends = new int[n + 1];
        int words = 0;
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            starts[words] = s;
            ends[words] = i;
            words++;
        }
        for (int w = 0; w < words; w++) {
            String word = text.substring(starts[w], ends[w]);
            int sc = script(word);
            boolean latin;
            if (sc == 3) {
                int strongCyr = 0;
                int strongLat = 0;
                for (int k = 0; k < word.length(); k++) {
                    char c = word.charAt(k);
                    if (CYR.indexOf(c) < 0 && LAT.indexOf(c) < 0) {
                        if (Tokenizer.isRu(c)) {
                            strongCyr++;
                        } else if (Tokenizer.isLat(c)) {
                            strongLat++;
                        }
                    }
                }
                latin = strongLat >= strongCyr;
            } else if (sc == 1 && word.length() <= 6 && allLookAlike(word, CYR) && word.equals(word.toUpperCase())
                    && (neighbourLatin(text, starts, ends, words, w - 1) || neighbourLatin(text, starts, ends, words, w + 1))) {
                latin = true;
            } else {
                continue;
            }
            if (out == null) {
                out = text.toCharArray();
            }
            for (int k = starts[w]; k < ends[w]; k++) {
                out[k] = latin ? toLatin(out[k]) : toCyrillic(out[k]);
            }
        }
        return out == null ? text : new String(out);
    }

    private static boolean neighbourLatin(String text, int[] starts, int[] ends, int words, int w) {
        if (w < 0 || w >= words) {
            return false;
        }
        String word = text.substring(starts[w], ends[w]);
        return script(word) == 2 && Character.isUpperCase(word.charAt(0));
    }
}
