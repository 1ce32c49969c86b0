package io.newsflow.extract.body;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises CSS utility classes (Tailwind's and Bootstrap's {@code overflow-hidden}, {@code mt-4},
 * {@code lg:grid-cols-3}, {@code d-md-block}): they style any element, so they say nothing about its role, and
 * their words ("hidden", "text", "content") must not be read as role names.
 *
 * <p>A class is a utility when it is a known property prefix followed only by value-like parts (numbers, fractions,
 * arbitrary values in brackets, sizes, colours, keywords). A role name that happens to open with such a prefix
 * ("top-stories", "left-sidebar", "col-main") keeps a part that is no value, and stays a role name.
 */
final class CssUtilities {

    /** Property prefixes of utility classes, as Tailwind and Bootstrap name them. */
    private static final Set<String> PROPERTIES = Set.of("overflow", "opacity", "z", "p", "px", "py", "pt", "pb", "pl",
            "pr", "ps", "pe", "m", "mx", "my", "mt", "mb", "ml", "mr", "ms", "me", "w", "h", "min", "max", "size",
            "flex", "grow", "shrink", "basis", "grid", "gap", "space", "rounded", "shadow", "border", "bg", "leading",
            "tracking", "font", "fw", "fs", "lh", "items", "justify", "self", "place", "order", "col", "row", "inset",
            "top", "left", "right", "bottom", "align", "position", "d", "float", "clear", "object", "transition",
            "duration", "ease", "delay", "translate", "rotate", "scale", "cursor", "select", "pointer", "whitespace",
            "line", "list", "outline", "ring", "fill", "stroke", "decoration", "columns", "divide", "backdrop", "blur");

    /** Value words of utility classes: sizes, keywords, directions, breakpoints, colours. */
    private static final Set<String> VALUES = Set.of("auto", "full", "screen", "min", "max", "fit", "none", "hidden",
            "visible", "scroll", "clip", "x", "y", "s", "e", "t", "b", "l", "r", "w", "h", "px", "xs", "sm", "md", "lg", "xl",
            "xxl", "2xl", "3xl", "4xl", "5xl", "6xl", "7xl", "8xl", "9xl", "center", "start", "end", "between",
            "around", "evenly", "stretch", "baseline", "normal", "wrap", "nowrap", "reverse", "cols", "rows", "inline",
            "block", "flex", "grid", "contents", "table", "cell", "items", "content", "self", "static",
            "fixed", "absolute", "relative", "sticky", "white", "black", "transparent", "current", "inherit", "bold",
            "semibold", "medium", "light", "thin", "extrabold", "sans", "serif", "mono", "tight", "snug", "relaxed",
            "loose", "wide", "wider", "widest", "cover", "contain", "fill", "default", "outside", "inside", "disc",
            "decimal", "all", "colors", "opacity", "transform", "shadow", "lowercase", "uppercase", "out", "in",
            "linear", "gray", "grey", "slate", "zinc", "neutral", "stone", "red", "orange", "amber", "yellow", "lime",
            "green", "emerald", "teal", "cyan", "sky", "blue", "indigo", "violet", "purple", "fuchsia", "pink",
            "rose", "primary", "secondary", "dark", "muted", "gutter", "gutters", "g", "lead", "0");

    /** What follows "text-" in a utility class: alignment, wrapping, case, size, colour, breakpoint. */
    private static final Set<String> TEXT_VALUES = Set.of("left", "right", "center", "justify", "start", "end",
            "wrap", "nowrap", "truncate", "lowercase", "uppercase", "capitalize", "reset", "break", "decoration",
            "opacity", "muted", "primary", "secondary", "success", "danger", "warning", "info", "light", "dark",
            "white", "black", "ellipsis", "clip", "balance", "pretty", "inherit", "current", "transparent", "xs", "sm",
            "md", "lg", "xl", "xxl", "base", "2xl", "3xl", "4xl", "5xl", "6xl", "7xl", "8xl", "9xl", "gray", "grey",
            "slate", "zinc", "neutral", "stone", "red", "orange", "amber", "yellow", "lime", "green", "emerald", "teal",
            "cyan", "sky", "blue", "indigo", "violet", "purple", "fuchsia", "pink", "rose", "bg");

    /** What follows "content-" in Tailwind's align-content utilities. */
    private static final Set<String> CONTENT_VALUES = Set.of("center", "start", "end", "between", "around",
            "evenly", "baseline", "stretch", "normal", "none");

    /** Utility classes of one word (Tailwind's display, position and decoration keywords). */
    private static final Set<String> BARE = Set.of("flex", "grid", "block", "inline", "hidden", "contents", "table",
            "relative", "absolute", "fixed", "sticky", "static", "rounded", "shadow", "border", "transition",
            "truncate", "italic", "underline", "uppercase", "lowercase", "capitalize", "grow", "shrink", "invisible",
            "visible", "antialiased", "transform");

    private CssUtilities() {
    }

    /**
     * Whether one class word is a one-word utility ({@code flex}, {@code relative}, {@code hidden}). They are not
     * role-neutral for {@link #isUtility}: {@code hidden} alone hides the element on the page.
     */
    static boolean isBareUtility(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int colon = w.lastIndexOf(':');
        return BARE.contains(colon >= 0 && !w.startsWith("print:") ? w.substring(colon + 1) : w);
    }

    /** Whether one class word is a utility class. */
    static boolean isUtility(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int colon = w.lastIndexOf(':');
        if (colon >= 0) {
            // Tailwind's variants (md:, hover:, dark:) style the same element; "print:" is left as written: what a
            // publisher keeps off the printed page (print:hidden, d-print-none) is not the article.
            if (w.startsWith("print:")) {
                return false;
            }
            w = w.substring(colon + 1);
        }
        if (w.startsWith("-")) {
            w = w.substring(1); // a negative value: -mt-2
        }
        if (w.startsWith("justify-content-") || w.startsWith("align-content-") || w.startsWith("place-content-")) {
            return true;
        }
        int dash = w.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        String head = w.substring(0, dash);
        if (head.equals("text") || head.equals("content")) {
            // Only known values: "text-content" or "content-main" may well name the article's own box.
            int next = w.indexOf('-', dash + 1);
            String value = w.substring(dash + 1, next < 0 ? w.length() : next);
            return (head.equals("text") ? TEXT_VALUES : CONTENT_VALUES).contains(value) || isArbitrary(value);
        }
        if (!PROPERTIES.contains(head)) {
            return false;
        }
        String rest = w.substring(dash + 1);
        if (isArbitrary(rest)) {
            return true; // bg-[var(--brand)]: the brackets may hold dashes of their own
        }
        for (String part : rest.split("-", -1)) {
            if (!isValue(part)) {
                return false;
            }
        }
        return true;
    }

    /** Tailwind's arbitrary value: text-[17px], z-[10001]. */
    private static boolean isArbitrary(String part) {
        return part.length() > 2 && part.charAt(0) == '[' && part.charAt(part.length() - 1) == ']';
    }

    /** A number, a fraction, an arbitrary value in brackets, or a value word; a colour's shade is a number. */
    private static boolean isValue(String part) {
        if (part.isEmpty()) {
            return false;
        }
        if (isArbitrary(part)) {
            return true;
        }
        boolean numeric = true;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '/' || c == '.')) {
                numeric = false;
                break;
            }
        }
        return numeric && Character.isDigit(part.charAt(0)) || VALUES.contains(part);
    }
}
