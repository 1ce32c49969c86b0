package io.newsflow.enrich.alerts;

import java.util.List;
import java.util.regex.Pattern;

import io.newsflow.common.model.EntityType;

/**
 * A rule's condition: a tree of {@code all} / {@code any} / {@code not} over terms. Immutable. The grammar is
 * in {@code docs/alerts.md}; {@link RulesParser} builds conditions from a rules file.
 */
public sealed interface Condition {

    /** Every child holds. */
    record All(List<Condition> children) implements Condition {
        public All {
            children = List.copyOf(children);
        }
    }

    /** At least one child holds. */
    record Any(List<Condition> children) implements Condition {
        public Any {
            children = List.copyOf(children);
        }
    }

    /** The child does not hold. */
    record Not(Condition child) implements Condition {
    }

    /**
     * An entity the enricher found, by its canonical name: a person matches a surname-only rule ({@code Лавров}
     * matches «Сергей Лавров»), and a full-name rule matches a surname-only entity of the same surname.
     *
     * @param type null for any type
     * @param min  the least number of mentions
     */
    record EntityTerm(String name, EntityType type, int min) implements Condition {
    }

    /**
     * A word or a phrase of the text (title and body), case-insensitive, on lemmas for Russian: «санкции»
     * matches «санкциями»; a phrase matches its words in a row, each by lemma.
     *
     * @param text   as written in the rules file
     * @param phrase true when written as {@code phrase:}
     * @param min    the least number of occurrences
     */
    record TextTerm(String text, boolean phrase, int min) implements Condition {
    }

    /** A tag of the enriched article (any source), case-insensitive. */
    record TagTerm(String name) implements Condition {
    }

    /** The publisher's section, case-insensitive. */
    record SectionTerm(String name) implements Condition {
    }

    /** The detected language code ({@code ru}, {@code en}). */
    record LanguageTerm(String code) implements Condition {
    }

    /** The article's host is this site or one of its subdomains ({@code rbc.ru} matches {@code www.rbc.ru}). */
    record SiteTerm(String host) implements Condition {
    }

    /** The article id (its canonical URL) matches a glob ({@code *} any run of characters, {@code ?} one). */
    record UrlTerm(String glob, Pattern pattern) implements Condition {
    }

    /** A compact rendering for people: {@code all(entity "Сергей Лавров", not(word "Женева"))}. */
    static String describe(Condition c) {
        if (c instanceof All all) {
            return "all(" + String.join(", ", all.children().stream().map(Condition::describe).toList()) + ")";
        } else if (c instanceof Any any) {
            return "any(" + String.join(", ", any.children().stream().map(Condition::describe).toList()) + ")";
        } else if (c instanceof Not not) {
            return "not(" + describe(not.child()) + ")";
        } else if (c instanceof EntityTerm e) {
            return "entity" + (e.type() == null ? "" : " " + e.type()) + " \"" + e.name() + "\""
                    + (e.min() > 1 ? " ×" + e.min() : "");
        } else if (c instanceof TextTerm t) {
            return (t.phrase() ? "phrase" : "word") + " \"" + t.text() + "\"" + (t.min() > 1 ? " ×" + t.min() : "");
        } else if (c instanceof TagTerm t) {
            return "tag \"" + t.name() + "\"";
        } else if (c instanceof SectionTerm s) {
            return "section \"" + s.name() + "\"";
        } else if (c instanceof LanguageTerm l) {
            return "language " + l.code();
        } else if (c instanceof SiteTerm s) {
            return "site " + s.host();
        } else if (c instanceof UrlTerm u) {
            return "url " + u.glob();
        }
        return String.valueOf(c);
    }
}
