package io.newsflow.extract.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import io.newsflow.extract.charset.PageDecoder;

/**
 * A rewrite of a gold page that keeps what a reader sees and changes how the page is built, to measure how much the
 * extractor leans on one kind of markup: the sets are the development part of larger sets, and a page built another
 * way than the development pages is where a whole-page failure comes from.
 *
 * <p>Every rewrite decodes the page, parses it, changes it and writes it back as UTF-8; {@link #REWRITTEN} does only
 * that, as the control. Random choices are seeded by the page's id, so a run is repeatable.
 */
public enum Perturbation {

    /** Parsed and written back, nothing else: the control, which scores as the pages themselves. */
    REWRITTEN("rewritten", "parsed and written back unchanged (the control)"),
    /** Every class and id replaced by a hash of itself, as CSS-in-JS and CSS-module builds name things. */
    HASHED_CLASSES("hashed-classes", "every class and id replaced by a hash of itself (CSS modules, CSS-in-JS)"),
    /** No class or id at all. */
    NO_CLASSES("no-classes", "every class and id removed"),
    /** Four layout utility classes added to every element, as a utility-CSS template writes them. */
    UTILITY_CLASSES("utility-classes", "four layout utility classes (flex, mt-2, overflow-hidden, ...) added to "
            + "every element"),
    /** HTML5 sectioning elements written as plain {@code <div>}s, as older templates are. */
    PLAIN_TAGS("plain-tags", "article, main, section, header, footer, aside and nav written as div"),
    /** A third of the paragraphs each wrapped in two more {@code <div>}s. */
    WRAPPED_PARAGRAPHS("wrapped-paragraphs", "a third of the <p>s each wrapped in two <div>s"),
    /** Every {@code <p>} written as a {@code <div>}, as script-built and older templates write paragraphs. */
    DIV_PARAGRAPHS("div-paragraphs", "every <p> written as a <div>"),
    /** Each run of sibling {@code <p>}s written as one {@code <div>} with blank lines of {@code <br>}s between. */
    BR_PARAGRAPHS("br-paragraphs", "each run of sibling <p>s written as one <div>, the paragraphs parted by <br><br>"),
    /** No JSON-LD, no Open Graph, Twitter or article meta, no microdata: only what the page shows. */
    NO_DECLARED_METADATA("no-declared-metadata", "JSON-LD, og:/twitter:/article: meta and itemprop removed");

    /** Layout and styling utilities: none of them names a role or hides anything on screen. */
    private static final String[] LAYOUT_UTILITIES = {"flex", "md:flex", "opacity-0", "text-[17px]", "max-w-none",
        "p-4", "mt-2", "grid", "lg:grid-cols-3", "lg:flex", "w-full", "relative", "absolute", "z-10",
        "overflow-hidden", "items-center", "gap-2", "bg-white", "dark:bg-black", "rounded", "shadow-sm", "transition",
        "duration-300", "hover:underline", "text-gray-700", "leading-relaxed", "md:w-2/3", "space-y-4"};

    private static final Set<String> SECTIONING = Set.of("article", "main", "section", "header", "footer", "aside",
            "nav");

    private final String option;
    private final String description;

    Perturbation(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The name the bench's {@code --perturb} option takes. */
    public String option() {
        return option;
    }

    /** What the rewrite does, for the bench's report. */
    public String description() {
        return description;
    }

    /** The perturbation named {@code option}, or an error listing the names there are. */
    public static Perturbation of(String option) {
        for (Perturbation p : values()) {
            if (p.option.equals(option)) {
                return p;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Perturbation p : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(p.option);
        }
        throw new IllegalArgumentException("unknown perturbation '" + option + "'; one of: " + names);
    }

    /** The page rewritten, as UTF-8 bytes that declare their charset. */
    public byte[] apply(byte[] page, String url, String seed) {
        Document doc = Jsoup.parse(PageDecoder.decode(page, null).text(), url);
        doc.select("meta[charset], meta[http-equiv~=(?i)content-type]").remove();
        doc.head().prependElement("meta").attr("charset", "utf-8");
        Random random = new Random(seed.hashCode());
        switch (this) {
            case REWRITTEN -> {
            }
            case HASHED_CLASSES -> {
                for (Element e : doc.getAllElements()) {
                    if (e.hasAttr("class")) {
                        e.attr("class", "c" + Integer.toHexString(e.className().hashCode()));
                    }
                    if (e.hasAttr("id")) {
                        e.attr("id", "i" + Integer.toHexString(e.id().hashCode()));
                    }
                }
            }
            case NO_CLASSES -> {
                for (Element e : doc.getAllElements()) {
                    e.removeAttr("class");
                    e.removeAttr("id");
                }
            }
            case UTILITY_CLASSES -> {
                for (Element e : doc.body().getAllElements()) {
                    for (int i = 0; i < 4; i++) {
                        e.addClass(LAYOUT_UTILITIES[random.nextInt(LAYOUT_UTILITIES.length)]);
                    }
                }
            }
            case PLAIN_TAGS -> {
                for (Element e : doc.body().getAllElements()) {
                    if (SECTIONING.contains(e.normalName().toLowerCase(Locale.ROOT))) {
                        e.tagName("div");
                    }
                }
            }
            case WRAPPED_PARAGRAPHS -> {
                for (Element p : new ArrayList<>(doc.body().select("p"))) {
                    if (random.nextInt(3) == 0) {
                        p.wrap("<div><div></div></div>");
                    }
                }
            }
            case DIV_PARAGRAPHS -> {
                for (Element p : doc.body().select("p")) {
                    p.tagName("div");
                }
            }
            case BR_PARAGRAPHS -> {
                for (Element parent : doc.body().getAllElements()) {
                    joinParagraphRuns(parent);
                }
            }
            case NO_DECLARED_METADATA -> {
                doc.select("script[type~=(?i)ld\\+json]").remove();
                doc.select("meta[property~=^(og|article|twitter):], meta[name~=^(og|article|twitter):]").remove();
                for (Element e : doc.select("[itemprop]")) {
                    if (e.normalName().equals("meta")) {
                        e.remove();
                    } else {
                        e.removeAttr("itemprop");
                    }
                }
            }
            default -> throw new IllegalStateException(name());
        }
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** Each run of two or more {@code <p>} children of {@code parent} (whitespace between them aside) joined into one. */
    private static void joinParagraphRuns(Element parent) {
        List<Element> run = new ArrayList<>();
        for (Node child : new ArrayList<>(parent.childNodes())) {
            if (child instanceof Element e && e.normalName().equals("p")) {
                run.add(e);
            } else if (!(child instanceof TextNode t && t.isBlank())) {
                join(run);
                run.clear();
            }
        }
        join(run);
    }

    private static void join(List<Element> run) {
        if (run.size() < 2) {
            return;
        }
        Element div = new Element("div");
        run.get(0).before(div);
        for (int i = 0; i < run.size(); i++) {
            if (i > 0) {
                div.appendElement("br");
                div.appendElement("br");
            }
            for (Node n : new ArrayList<>(run.get(i).childNodes())) {
                div.appendChild(n);
            }
            run.get(i).remove();
        }
    }
}
