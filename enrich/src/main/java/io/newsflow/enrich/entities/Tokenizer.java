package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens by the rules of razdel's tokenizer (the tokenizer the naeval NER metric uses), so that
 * predicted spans always fall on the token bounds the metric counts. A line-for-line port of {@code tokenize()} in
 * {@code shared/bench/ner/score.py}: atoms (Cyrillic run, Latin run, digit run, one punctuation mark, one other
 * character) joined by razdel's rules (x-y, 3.5, 1/2, ?!, smileys...).
 *
 * <p>Offsets are UTF-16 indices into the Java string; {@link #codePointOffsets} converts them. Thread-safe.
 */
public final class Tokenizer {

    static final int RU = 0;
    static final int LAT = 1;
    static final int INT = 2;
    static final int PUNCT = 3;
    static final int OTHER = 4;

    private static final String DASHES = "\u2011\u2013\u2014\u2212-";
    private static final String QUOTES = "«“‘»”’\"„'";
    private static final String BRACKETS = "([{)]}";
    private static final String ENDINGS = ".?!…";
    private static final String PUNCTS = "\\/!#$%&*+,.:;<=>?@^_`|~№…" + DASHES + QUOTES + BRACKETS;

    private Tokenizer() {
    }

    /** One token: UTF-16 offsets into the text, end exclusive. */
    public record Token(int start, int end, String text) {
    }

    private record Atom(int start, int end, int type, String text) {
    }

    /** Python's str.isspace for one code point. */
    public static boolean isSpace(int cp) {
        if (cp >= 0x1c && cp <= 0x1f) {
            return true;
        }
        if (cp == 0x85 || cp == 0xa0) {
            return true;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    public static boolean isRu(int c) {
        return (c >= 'а' && c <= 'я') || (c >= 'А' && c <= 'Я') || c == 'ё' || c == 'Ё';
    }

    public static boolean isLat(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0x130 || c == 0x131 || c == 0x17f || c == 0x212a;
    }

    private static List<Atom> atoms(String text) {
        List<Atom> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isSpace(cp)) {
                i += len;
                continue;
            }
            int start = i;
            int type;
            if (isRu(cp)) {
                type = RU;
                i += len;
                while (i < n && isRu(text.charAt(i))) {
                    i++;
                }
            } else if (isLat(cp)) {
                type = LAT;
                i += len;
                while (i < n && isLat(text.charAt(i))) {
                    i++;
                }
            } else if (Character.isDigit(cp)) {
                type = INT;
                i += len;
                while (i < n) {
                    int c2 = text.codePointAt(i);
                    if (!Character.isDigit(c2)) {
                        break;
                    }
                    i += Character.charCount(c2);
                }
            } else if (cp < 0x10000 && PUNCTS.indexOf(cp) >= 0) {
                type = PUNCT;
                i += len;
            } else {
                type = OTHER;
                i += len;
            }
            out.add(new Atom(start, i, type, text.substring(start, i)));
        }
        return out;
    }

    private interface Ok {
        boolean test(int a, int b);
    }

    private static boolean around(List<Atom> atoms, int i, String delims, Ok ok) {
        Atom left1 = atoms.get(i - 1);
        Atom right1 = atoms.get(i);
        Atom a;
        Atom b;
        if (delims.contains(left1.text)) {
            a = i >= 2 ? atoms.get(i - 2) : null;
            b = right1;
        } else if (delims.contains(right1.text)) {
            a = left1;
            b = i + 1 < atoms.size() ? atoms.get(i + 1) : null;
        } else {
            return false;
        }
        if (a == null || b == null) {
            return false;
        }
        return ok.test(a.type, b.type);
    }

    private static boolean isSmile(String s) {
        // ^[=:;]-?[)(]{1,3}$
        int n = s.length();
        if (n < 2 || "=:;".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        int j = 1;
        if (s.charAt(j) == '-') {
            j++;
        }
        int k = n - j;
        if (k < 1 || k > 3) {
            return false;
        }
        for (; j < n; j++) {
            if (s.charAt(j) != ')' && s.charAt(j) != '(') {
                return false;
            }
        }
        return true;
    }

    private static boolean join(List<Atom> atoms, int i, String buffer) {
        Atom left1 = atoms.get(i - 1);
        Atom right1 = atoms.get(i);
        Ok notPunct = (a, b) -> a != PUNCT && b != PUNCT;
        Ok bothInt = (a, b) -> a == INT && b == INT;
        if (left1.text.length() == 1 || right1.text.length() == 1) {
            if (around(atoms, i, DASHES, notPunct) || around(atoms, i, "_", notPunct)
                    || around(atoms, i, ".,", bothInt) || around(atoms, i, "/\\", bothInt)) {
                return true;
            }
        }
        int lt = left1.type;
        int rt = right1.type;
        if (lt == PUNCT && rt == PUNCT) {
            String l = left1.text;
            String r = right1.text;
            if (isSmile(buffer + r)) {
                return true;
            }
            if (ENDINGS.contains(l) && ENDINGS.contains(r)) {
                return true;
            }
            String lr = l + r;
            if (lr.equals("--") || lr.equals("**")) {
                return true;
            }
        }
        if (lt == OTHER && (rt == OTHER || rt == RU || rt == LAT)) {
            return true;
        }
        if ((lt == OTHER || lt == RU || lt == LAT) && rt == OTHER) {
            return true;
        }
        return left1.text.equalsIgnoreCase("yahoo") && right1.text.equals("!");
    }

    /** Tokens of the text, in order. */
    public static List<Token> tokenize(String text) {
        List<Atom> atoms = atoms(text);
        List<Token> tokens = new ArrayList<>(atoms.size());
        if (atoms.isEmpty()) {
            return tokens;
        }
        int start = atoms.get(0).start;
        int stop = atoms.get(0).end;
        for (int i = 1; i < atoms.size(); i++) {
            boolean adjacent = atoms.get(i - 1).end == atoms.get(i).start;
            if (adjacent && join(atoms, i, text.substring(start, stop))) {
                stop = atoms.get(i).end;
            } else {
                tokens.add(new Token(start, stop, text.substring(start, stop)));
                start = atoms.get(i).start;
                stop = atoms.get(i).end;
            }
        }
        tokens.add(new Token(start, stop, text.substring(start, stop)));
        return tokens;
    }

    /** Maps every UTF-16 index 0..length (inclusive) of the text to its code-point index. */
    public static int[] codePointOffsets(String text) {
        int[] map = new int[text.length() + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i++) {
            map[i] = cp;
            if (!(Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                cp++;
            } else {
                map[i] = cp - 1;
            }
        }
        map[text.length()] = cp;
        return map;
    }
}
