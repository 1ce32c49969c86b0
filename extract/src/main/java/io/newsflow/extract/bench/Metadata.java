package io.newsflow.extract.bench;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.common.model.Article;

/** Scores for the trafilatura snippet sets and for metadata (title, authors, date) where the gold has them. */
final class Metadata {

    private Metadata() {
    }

    /** Python's {@code re} reads {@code \\s} as any Unicode white space (a no-break space too), as the sets' scorers do. */
    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("(?U)\\s+");

    /** The sets' {@code norm()}: every run of white space one space, the ends stripped. */
    static String norm(String s) {
        return s == null ? "" : WHITE_SPACE.matcher(s).replaceAll(" ").strip();
    }

    /** Trafilatura's snippet metric: pooled with/without snippet hits. */
    static String snippets(List<ExtractionBench.Page> pages, Map<String, String> predicted, int worst,
            PrintStream out) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        List<String> bad = new ArrayList<>();
        for (ExtractionBench.Page p : pages) {
            String text = norm(predicted.getOrDefault(p.id(), ""));
            int pageMiss = 0;
            for (JsonNode s : iter(p.gold().get("with"))) {
                if (text.contains(norm(s.asText()))) {
                    tp++;
                } else {
                    fn++;
                    pageMiss++;
                }
            }
            for (JsonNode s : iter(p.gold().get("without"))) {
                if (text.contains(norm(s.asText()))) {
                    fp++;
                    pageMiss++;
                } else {
                    tn++;
                }
            }
            if (pageMiss > 0) {
                bad.add(pageMiss + "  " + p.id() + "  " + p.gold().path("url").asText());
            }
        }
        if (worst > 0) {
            bad.sort((a, b) -> Integer.parseInt(b.split(" ")[0]) - Integer.parseInt(a.split(" ")[0]));
            out.println("worst pages (missed snippets, id, url):");
            bad.stream().limit(worst).forEach(b -> out.println("  " + b));
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = 2.0 * tp / (2 * tp + fp + fn);
        return String.format(Locale.ROOT, "P %.4f  R %.4f  F1 %.4f  accuracy %.3f  (snippets, %d pages)", p, r, f1,
                (double) (tp + tn) / Math.max(1, tp + tn + fp + fn), pages.size());
    }

    private static Iterable<JsonNode> iter(JsonNode n) {
        return n == null || !n.isArray() ? List.of() : n;
    }

    /** Title exact, authors exact and date agreement on the pages whose gold has them. */
    static String score(ExtractionBench.Kind kind, List<ExtractionBench.Page> pages, Map<String, Article> ours) {
        int titles = 0;
        int titleOk = 0;
        int authors = 0;
        int authorOk = 0;
        int dates = 0;
        int dateOk = 0;
        int instantOk = 0;
        for (ExtractionBench.Page p : pages) {
            Article a = ours.get(p.id());
            String gt = p.gold().path("title").asText("");
            if (!gt.isEmpty()) {
                titles++;
                if (a != null && norm(gt).equals(norm(a.title()))) {
                    titleOk++;
                }
            }
            JsonNode ga = p.gold().get(kind == ExtractionBench.Kind.FUNDUS ? "authors" : "author");
            Set<String> goldAuthors = new LinkedHashSet<>();
            if (ga != null && ga.isArray()) {
                ga.forEach(x -> goldAuthors.add(norm(x.asText())));
            } else if (ga != null && !ga.asText().isEmpty()) {
                goldAuthors.add(norm(ga.asText()));
            }
            if (!goldAuthors.isEmpty()) {
                authors++;
                if (a != null) {
                    Set<String> mine = new LinkedHashSet<>();
                    if (kind == ExtractionBench.Kind.FUNDUS) {
                        a.authors().forEach(x -> mine.add(norm(x)));
                    } else if (!a.authors().isEmpty()) {
                        // score.py's author_exact (trafilatura's eval_authors.py): the strings as they are, a gold
                        // list joined by "; ", no white space folded (a gold "przepisy.pl " with its space).
                        mine.add(String.join("; ", a.authors()));
                        goldAuthors.clear();
                        if (ga.isArray()) {
                            List<String> l = new ArrayList<>();
                            ga.forEach(x -> l.add(x.asText()));
                            goldAuthors.add(String.join("; ", l));
                        } else {
                            goldAuthors.add(ga.asText());
                        }
                    }
                    if (mine.equals(goldAuthors)) {
                        authorOk++;
                    }
                }
            }
            String gd = p.gold().path(kind == ExtractionBench.Kind.FUNDUS ? "published" : "date").asText("");
            if (!gd.isEmpty()) {
                dates++;
                String pd = a == null || a.published() == null ? "" : a.published();
                if (pd.length() >= 10 && gd.length() >= 10 && pd.substring(0, 10).equals(gd.substring(0, 10))) {
                    dateOk++;
                }
                if (kind == ExtractionBench.Kind.FUNDUS && sameInstant(gd, pd)) {
                    instantOk++;
                }
            }
        }
        String s = String.format(Locale.ROOT, "title exact %.3f (%d/%d)  authors exact %.3f (%d/%d)  date %.3f (%d/%d)",
                (double) titleOk / Math.max(1, titles), titleOk, titles, (double) authorOk / Math.max(1, authors),
                authorOk, authors, (double) dateOk / Math.max(1, dates), dateOk, dates);
        if (kind == ExtractionBench.Kind.FUNDUS) {
            s += String.format(Locale.ROOT, "  instant %.3f", (double) instantOk / Math.max(1, dates));
        }
        return s;
    }

    private static boolean sameInstant(String gold, String pred) {
        try {
            OffsetDateTime g = OffsetDateTime.parse(gold.replace(' ', 'T'));
            OffsetDateTime p = OffsetDateTime.parse(pred);
            return g.toInstant().equals(p.toInstant());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
