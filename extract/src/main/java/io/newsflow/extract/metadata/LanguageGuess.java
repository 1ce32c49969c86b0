package io.newsflow.extract.metadata;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Guesses a text's language (ISO 639-1) from its script and, for Latin script, its commonest function words. */
public final class LanguageGuess {

    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "it", "as", "by"),
            "de", Set.of("der", "die", "und", "das", "den", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "ein",
                    "eine", "auch", "von"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "du", "pas", "sur",
                    "au", "avec"),
            "es", Set.of("el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "es", "se",
                    "al", "lo"),
            "it", Set.of("il", "di", "che", "e", "la", "per", "un", "non", "una", "sono", "della", "del", "nel", "gli",
                    "anche", "alla"),
            "pt", Set.of("o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se",
                    "mais"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "ook"),
            "pl", Set.of("i", "w", "nie", "na", "się", "z", "to", "że", "do", "jest", "jak", "o", "ale", "po", "od"));

    private static final String[] ORDER = {"en", "de", "fr", "es", "it", "pt", "nl", "pl"};

    private LanguageGuess() {
    }

    /** The language of {@code text}, or null when there is too little text to tell. */
    public static String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > 5000 ? text.substring(0, 5000) : text;
        int cyrillic = 0;
        int ukrainian = 0;
        int latin = 0;
        int kana = 0;
        int han = 0;
        int hangul = 0;
        int arabic = 0;
        int greek = 0;
        int hebrew = 0;
        int devanagari = 0;
        int thai = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            Character.UnicodeScript s;
            if (c < 128) {
                if (Character.isLetter(c)) {
                    latin++;
                }
                continue;
            }
            try {
                s = Character.UnicodeScript.of(c);
            } catch (IllegalArgumentException e) {
                continue;
            }
            switch (s) {
                case CYRILLIC -> {
                    cyrillic++;
                    if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') {
                        ukrainian++;
                    }
                }
                case LATIN -> latin++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HANGUL -> hangul++;
                case ARABIC -> arabic++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                case DEVANAGARI -> devanagari++;
                case THAI -> thai++;
                default -> {
                }
            }
        }
        int max = Math.max(Math.max(Math.max(cyrillic, latin), Math.max(kana + han, hangul)),
                Math.max(Math.max(arabic, greek), Math.max(Math.max(hebrew, devanagari), thai)));
        if (max < 20) {
            return null;
        }
        if (max == cyrillic) {
            return ukrainian * 100 > cyrillic ? "uk" : "ru";
        }
        if (max == kana + han) {
            return kana * 10 > han ? "ja" : "zh";
        }
        if (max == hangul) {
            return "ko";
        }
        if (max == arabic) {
            return "ar";
        }
        if (max == greek) {
            return "el";
        }
        if (max == hebrew) {
            return "he";
        }
        if (max == devanagari) {
            return "hi";
        }
        if (max == thai) {
            return "th";
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            for (String lang : ORDER) {
                if (STOPWORDS.get(lang).contains(word)) {
                    counts.merge(lang, 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestCount = 2;
        for (String lang : ORDER) {
            int c = counts.getOrDefault(lang, 0);
            if (c > bestCount) {
                best = lang;
                bestCount = c;
            }
        }
        return best;
    }
}
