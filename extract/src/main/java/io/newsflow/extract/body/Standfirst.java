package io.newsflow.extract.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;

import io.newsflow.extract.html.Ancestry;

/**
 * The standfirst: the lead paragraph a news page prints between its headline and the story. Templates put it in the
 * article's header, outside the box the story's paragraphs sit in, or name it like a teaser, so the body's box
 * misses it; both gold sets that say keep it with the story.
 */
final class Standfirst {

    /** Class-name words of a lead paragraph, as whole tokens of a class ("article__lead", "hero-excerpt"). */
    private static final Set<String> LEAD_WORDS = Set.of("lead", "lede", "intro", "standfirst", "summary", "excerpt",
            "subtitle", "subline", "deck", "dek", "abstract", "description", "teaser", "strapline", "vorspann",
            "chapo", "chapeau", "entradilla", "bajada", "sottotitolo", "sapo", "perex", "anons", "preface");

    /** Class-name words of an image's box: its "description" is a caption, not the lead. */
    private static final Set<String> IMAGE_WORDS = Set.of("img", "image", "images", "media", "photo", "foto", "bild",
            "picture", "pic", "gallery", "caption", "credit", "credits", "copyright", "annotation", "video");

    /** Elements whose text is never the lead: captions, asides, navigation, forms. */
    private static final Set<String> NEVER = Set.of("figure", "figcaption", "aside", "nav", "footer", "form",
            "dialog", "menu", "caption", "button", "a");

    /** How far after the headline, in blocks, the lead may start. */
    private static final int MAX_BLOCKS_AFTER_HEADLINE = 12;

    private static final int MIN_CHARS = 40;
    private static final int MAX_CHARS = 1000;

    private Standfirst() {
    }

    /**
     * The blocks after {@code headline}'s and before block {@code bodyStart} (the first the body kept) that a class
     * names as the lead, in reading order; empty when there is no headline or nothing qualifies.
     */
    static List<TextBlock> between(List<TextBlock> blocks, Element headline, int bodyStart) {
        if (headline == null) {
            return List.of();
        }
        int after = -1;
        for (int i = 0; i < bodyStart && i < blocks.size(); i++) {
            if (Ancestry.isAncestorOrSelf(headline, blocks.get(i).owner())) {
                after = i;
            }
        }
        if (after < 0) {
            return List.of();
        }
        List<TextBlock> lead = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = after + 1; i < bodyStart && i <= after + MAX_BLOCKS_AFTER_HEADLINE; i++) {
            TextBlock b = blocks.get(i);
            if (b.chars() >= MIN_CHARS && b.chars() <= MAX_CHARS && b.linkDensity() < 0.3 && !b.text().startsWith("©")
                    && namedLead(b.owner()) && seen.add(b.text())) {
                lead.add(b);
            }
        }
        return lead;
    }

    /**
     * Whether the element or one of its two parents is named as the lead (by a class word, or by a data attribute
     * that names components where classes are hashed), or is the paragraph grouped with the headline, and none of
     * them is a caption, an aside or an image's box.
     */
    private static boolean namedLead(Element owner) {
        boolean named = false;
        Element e = owner;
        for (int level = 0; e != null && level < 3; level++, e = e.parent()) {
            if (NEVER.contains(e.normalName()) || hasWord(e.className(), IMAGE_WORDS)) {
                return false;
            }
            // HTML's <hgroup> holds a heading and the paragraphs of its subheading or tagline.
            named = named || hasWord(e.className(), LEAD_WORDS) || hasWord(roleData(e), LEAD_WORDS)
                    || level == 0 && e.normalName().equals("p") && e.parent() != null
                    && e.parent().normalName().equals("hgroup");
        }
        return named;
    }

    /** Data attributes that name an element's role where its classes are hashed: test ids, component names. */
    private static String roleData(Element e) {
        if (e.attributesSize() == 0) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        for (org.jsoup.nodes.Attribute a : e.attributes()) {
            String key = a.getKey();
            if (key.startsWith("data-") && (key.equals("data-testid") || key.equals("data-test")
                    || key.equals("data-component") || key.equals("data-qa") || key.endsWith("-name"))) {
                names.append(a.getValue()).append(' ');
            }
        }
        return names.toString();
    }

    /** Whether one of the class name's words ({@code article__lead}: "article", "lead") is among {@code words}. */
    private static boolean hasWord(String className, Set<String> words) {
        if (className.isEmpty()) {
            return false;
        }
        String previous = "";
        for (String token : className.toLowerCase(Locale.ROOT).split("[\\s_\\-]+")) {
            // A word written in two parts is the word too: "sub-title", "stand-first".
            if (words.contains(token) || words.contains(previous + token)) {
                return true;
            }
            previous = token;
        }
        return false;
    }
}
