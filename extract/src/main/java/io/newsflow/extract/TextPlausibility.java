package io.newsflow.extract;

/**
 * Tells prose from byte noise that decoded into characters: a body must be made of words of plausible length and
 * mostly of letters. Binary data, random bytes under a wrong charset and mojibake fail; text in every script
 * passes, including scripts written without spaces (Chinese, Japanese, Thai and their neighbours).
 */
final class TextPlausibility {

    /** Longer "words" than this on average mean the text has no word breaks at all. */
    static final double MAX_MEAN_WORD_LENGTH = 25;
    /** Prose is mostly letters; tables of figures still clear this. */
    static final double MIN_LETTER_SHARE = 0.4;

    private TextPlausibility() {
    }

    /** Why the text is not prose, or null when it is. */
    static String problem(String text) {
        long letters = 0;
        long visible = 0;
        long words = 0;
        long unspacedScript = 0;
        long replacement = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                // ASCII without the Unicode tables: the same answers as the branch below.
                if (c <= ' ' && (c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C)) {
                    inWord = false;
                    continue;
                }
                visible++;
                if (!inWord) {
                    words++;
                    inWord = true;
                }
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                    letters++;
                }
                continue;
            }
            // One table lookup: beyond ASCII, isWhitespace or isSpaceChar holds exactly for the separator types.
            int type = Character.getType(c);
            if (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                inWord = false;
                continue;
            }
            visible++;
            if (!inWord) {
                words++;
                inWord = true;
            }
            if (c == 0xFFFD) {
                replacement++;
            } else if (type <= Character.OTHER_LETTER && type >= Character.UPPERCASE_LETTER) {
                letters++;
                if (isUnspacedScript(c)) {
                    unspacedScript++;
                }
            }
        }
        if (visible == 0) {
            return "the body is empty";
        }
        if (replacement * 20 > visible) {
            return String.format("%.0f%% of the body's characters could not be decoded", 100.0 * replacement / visible);
        }
        if ((double) letters / visible < MIN_LETTER_SHARE) {
            return String.format("only %.0f%% of the body's characters are letters", 100.0 * letters / visible);
        }
        if (unspacedScript * 2 < letters && (double) visible / words > MAX_MEAN_WORD_LENGTH) {
            return String.format("the body has no word breaks (%.0f characters per word)", (double) visible / words);
        }
        return null;
    }

    private static boolean isUnspacedScript(int c) {
        if (c < 0x0E00) {
            // Latin, Cyrillic, Greek, Arabic, Hebrew, Indic: the script lookup is a binary search, skip it.
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        };
    }
}
