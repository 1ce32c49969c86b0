package io.newsflow.extract.body;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The article body found in a page.
 *
 * @param paragraphs the paragraphs, headings and list items, in reading order
 * @param chars      their non-space characters
 * @param linkBlocks how many blocks of the page are headline-sized links (many: a front page or an index)
 */
public record Body(List<String> paragraphs, int chars, int linkBlocks) {
    public Body {
        paragraphs = List.copyOf(paragraphs);
    }

    /** A body of the given paragraphs, their non-space characters counted. */
    public static Body of(List<String> paragraphs, int linkBlocks) {
        int chars = 0;
        for (String p : paragraphs) {
            chars += nonSpaceChars(p);
        }
        return new Body(paragraphs, chars, linkBlocks);
    }

    /** How many characters of {@code text} are not white space: the count {@code chars} holds. */
    public static int nonSpaceChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** This body without the paragraphs equal to {@code line} (the headline repeated in the text). */
    public Body without(String line) {
        if (line == null || line.isBlank()) {
            return this;
        }
        String key = WHITESPACE_RUN.matcher(line.strip()).replaceAll(" ");
        List<String> kept = paragraphs.stream().filter(p -> !equalsCollapsed(p, key)).toList();
        return kept.size() == paragraphs.size() ? this : new Body(kept, chars - (int) nonSpaceChars(key) * (paragraphs.size() - kept.size()), linkBlocks);
    }

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    /** Whether {@code text} with each run of regex whitespace ({@code \\s}) made one space equals {@code key}. */
    static boolean equalsCollapsed(String text, String key) {
        int k = 0;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                while (i < n && isRegexSpace(text.charAt(i))) {
                    i++;
                }
                c = ' ';
            } else {
                i++;
            }
            if (k >= key.length() || key.charAt(k) != c) {
                return false;
            }
            k++;
        }
        return k == key.length();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** This body without the paragraphs that {@code isStray} accepts, wherever they stand. */
    public Body withoutAny(java.util.function.Predicate<String> isStray) {
        List<String> kept = null;
        for (int i = 0; i < paragraphs.size(); i++) {
            if (isStray.test(paragraphs.get(i))) {
                if (kept == null) {
                    kept = new java.util.ArrayList<>(paragraphs.subList(0, i));
                }
            } else if (kept != null) {
                kept.add(paragraphs.get(i));
            }
        }
        return kept == null ? this : Body.of(kept, linkBlocks);
    }

    /**
     * This body without its header: the short paragraphs among its first six up to the last one {@code isMetadata}
     * accepts (the byline, the date). A label, a kicker or the headline reworded above them are the header's too.
     */
    public Body withoutLeading(java.util.function.Predicate<String> isMetadata) {
        int cut = 0;
        for (int i = 0; i < paragraphs.size() && i < 6 && paragraphs.get(i).length() < 100; i++) {
            if (isMetadata.test(paragraphs.get(i))) {
                cut = i + 1;
            }
        }
        if (cut == 0) {
            return this;
        }
        int removed = 0;
        for (int i = 0; i < cut; i++) {
            removed += nonSpaceChars(paragraphs.get(i));
        }
        return new Body(paragraphs.subList(cut, paragraphs.size()), chars - removed, linkBlocks);
    }

    /** This body without the closing paragraphs (at most three) that {@code isEndMatter} accepts. */
    public Body withoutTrailing(java.util.function.Predicate<String> isEndMatter) {
        int end = paragraphs.size();
        while (end > 1 && paragraphs.size() - end < 3 && isEndMatter.test(paragraphs.get(end - 1))) {
            end--;
        }
        return upTo(end);
    }

    /**
     * This body up to the first paragraph that {@code opens} accepts (a comment thread's heading), when at least
     * {@code minCharsBefore} characters of story come before it; otherwise this body.
     */
    public Body upToFirst(java.util.function.Predicate<String> opens, int minCharsBefore) {
        int before = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            if (i > 0 && before >= minCharsBefore && opens.test(p)) {
                return upTo(i);
            }
            if (before < minCharsBefore) {
                // Past the threshold the count no longer matters: a long body's lines are not counted again.
                before += nonSpaceChars(p);
            }
        }
        return this;
    }

    /** This body's first {@code end} paragraphs, their characters counted again from those cut. */
    private Body upTo(int end) {
        if (end == paragraphs.size()) {
            return this;
        }
        int removed = 0;
        for (int i = end; i < paragraphs.size(); i++) {
            removed += nonSpaceChars(paragraphs.get(i));
        }
        return new Body(paragraphs.subList(0, end), chars - removed, linkBlocks);
    }

    /**
     * This body without a closing block: from the first of its final {@code within} paragraphs that {@code opens}
     * accepts (a "Contact:" label) to the end, when everything after that label is short lines (names, phones).
     */
    public Body withoutClosingBlock(java.util.function.Predicate<String> opens, int within) {
        int from = -1;
        for (int i = paragraphs.size() - 1; i >= 1 && i >= paragraphs.size() - within; i--) {
            if (opens.test(paragraphs.get(i))) {
                from = i;
            } else if (paragraphs.get(i).length() > CLOSING_LINE_MAX_CHARS) {
                break;
            }
        }
        return from < 0 ? this : upTo(from);
    }

    private static final int CLOSING_LINE_MAX_CHARS = 300;

    /** The paragraphs joined with a blank line, the form {@code Article.text} carries. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
