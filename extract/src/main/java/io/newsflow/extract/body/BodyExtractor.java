package io.newsflow.extract.body;

import static io.newsflow.extract.html.Ancestry.isAncestorOrSelf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * Finds the article body in a parsed page: scores containers by the paragraphs under them (Readability's structural
 * score, regions named like comments or sidebars left out), takes the best one with its article-like siblings and
 * same-class twins elsewhere in the page, looks again with those regions allowed when it finds little, then drops
 * boilerplate subtrees inside the result. Every rule was kept only where the dev benchmarks said it helps.
 */
public final class BodyExtractor {

    /** Tags whose text is never body text however it scores: chrome, captions, headline blocks. */
    static final Set<String> STRUCTURAL_NEGATIVE = Set.of("figure", "figcaption", "aside", "footer", "header",
            "nav", "form", "address", "caption", "dialog", "menu");

    /** Blocks that do not make their container a candidate: headings, list items (unless prose), captions. */
    private static final Set<String> UNSCORED = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "th", "dt", "li",
            "figcaption", "caption", "legend", "summary");

    /** Characters from which a list item reads as a paragraph of prose, not as a menu's or a list's entry. */
    private static final int PROSE_ITEM_MIN_CHARS = 100;

    /** Elements that hold paragraphs rather than being one: text straight inside them scores them. */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "td", "body", "form",
            "center", "blockquote");

    /** Link share above which a block inside the article is a link list, whatever it is called. */
    private static final double MAX_LINK_DENSITY = 0.7;

    /** A body shorter than this is looked for again with unlikely-named regions allowed. */
    private static final int RETRY_BELOW_CHARS = 500;

    private BodyExtractor() {
    }

    /** Per-element sums of the blocks under it, and its Readability score once it is a candidate. */
    private static final class Stat {
        int chars;
        int linkChars;
        double score;
        boolean candidate;
        /** The text of the blocks the element itself owns, not those of elements inside it. */
        int ownChars;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    /** Extracts the body under {@code root} (the page's {@code <body>}). */
    public static Body extract(Element root) {
        return extract(root, null);
    }

    /**
     * Extracts the body under {@code root}; {@code headline} is the page's shown headline element, or null. A
     * story's text sits beside its headline: a box elsewhere that wins on commas alone (an overlay, a footer's
     * blurb, a sidebar's teaser) gives way to the text around the headline when that holds more of it, and a box in
     * another story's {@code <article>} (the next one of an endless page) gives way to it in any case.
     */
    public static Body extract(Element root, Element headline) {
        List<TextBlock> blocks = BlockCollector.collect(root, headline);
        Map<Element, Stat> stats = new IdentityHashMap<>(blocks.size() * 4);
        for (TextBlock b : blocks) {
            for (Element e = b.owner(); e != null; e = e.parent()) {
                Stat s = stats.computeIfAbsent(e, k -> new Stat());
                if (e == b.owner()) {
                    s.ownChars += b.chars();
                }
                s.chars += b.chars();
                s.linkChars += b.linkChars();
                if (e == root) {
                    break;
                }
            }
        }
        int linkBlocks = 0;
        for (TextBlock b : blocks) {
            if (b.chars() >= 25 && b.linkDensity() > 0.8) {
                linkBlocks++;
            }
        }
        ClassChars classChars = new ClassChars(stats);
        BoilerplateMemo boilerplate = new BoilerplateMemo(blocks.size());
        Body body = choose(root, blocks, stats, classChars, true, linkBlocks, headline, boilerplate);
        if (body.chars() < RETRY_BELOW_CHARS) {
            // Readability's retry: some templates wrap the whole article in a "sidebar-grid" or "extra" box.
            for (Stat s : stats.values()) {
                s.candidate = false;
                s.score = 0;
            }
            Body all = choose(root, blocks, stats, classChars, false, linkBlocks, headline, boilerplate);
            if (all.chars() > body.chars()) {
                body = all;
            }
        }
        return body;
    }

    /** Which blocks read as boilerplate, each block asked once: both passes and the body's filter ask it. */
    private static final class BoilerplateMemo {
        private final byte[] known;

        BoilerplateMemo(int blocks) {
            known = new byte[blocks];
        }

        boolean of(TextBlock b) {
            byte k = known[b.index()];
            if (k == 0) {
                k = Boilerplate.isBoilerplate(b.text()) ? (byte) 2 : (byte) 1;
                known[b.index()] = k;
            }
            return k == 2;
        }
    }

    private static Body choose(Element root, List<TextBlock> blocks, Map<Element, Stat> stats,
            ClassChars classChars, boolean skipUnlikely, int linkBlocks, Element headline,
            BoilerplateMemo boilerplate) {
        List<Element> candidates = new ArrayList<>();
        for (TextBlock b : blocks) {
            // Neither a consent banner's long, comma-rich sentences (boilerplate by its words, whatever its box is
            // called: a hashed class name hides its "cookie-consent" role) nor a photo's caption makes its box the
            // page's best candidate.
            if (b.chars() < 25 || (skipUnlikely && b.unlikely())
                    || UNSCORED.contains(b.owner().normalName()) && !isProseItem(b)
                    || boilerplate.of(b) || captionsAnImage(b)) {
                continue;
            }
            // Text straight in a container reads as a paragraph of that container (Readability wraps such runs in
            // <p>); the collector already split runs at <br><br>.
            double score = 1 + commas(b.text()) + Math.min(b.text().length() / 100, 3);
            Element e = CONTAINERS.contains(b.owner().normalName()) && !isParagraphBox(b, stats, root) ? b.owner()
                    : b.owner().parent();
            // A paragraph wrapped in boxes of its own (<div><div><p>): the boxes are the paragraph's, and the box
            // that holds the paragraphs is the first one above them with more in it.
            while (e != null && e != root && e.childrenSize() == 1 && e.attributesSize() == 0 && stats.get(e) != null
                    && stats.get(e).chars == b.chars() && stats.get(e.parent()) != null) {
                e = e.parent();
            }
            for (int level = 0; e != null && level < 5; level++, e = e.parent()) {
                Stat s = stats.get(e);
                if (s == null) {
                    break;
                }
                if (!s.candidate) {
                    s.candidate = true;
                    s.score = tagBias(e.normalName()) + Hints.classWeight(e);
                    candidates.add(e);
                }
                s.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                if (e == root) {
                    break;
                }
            }
        }
        Element top = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Element c : candidates) {
            Stat s = stats.get(c);
            s.score *= 1 - s.linkDensity();
            if (s.score > best) {
                best = s.score;
                top = c;
            }
        }
        if (top == null) {
            top = root;
        }
        Element displaced = null;
        Element nextStory = null;
        if (headline != null && top != root && !nearHeadline(top, headline, storyOf(headline), root)) {
            // The best box in another <article> than the headline's is another story (the next one of an endless
            // page): the headline's own box need not hold more text to take its place.
            Element headlineStory = storyOf(headline);
            Element topStory = storyOf(top);
            boolean otherStory = headlineStory != null && topStory != null && headlineStory != topStory;
            Element scored = top;
            Element beside = bestAnchored(candidates, stats, best, c -> (otherStory
                    || stats.get(c).chars > stats.get(scored).chars) && !isAncestorOrSelf(c, scored)
                    && !isAncestorOrSelf(scored, c) && nearHeadline(c, headline, headlineStory, root));
            if (beside != null) {
                if (DEBUG) {
                    System.err.println("anchored to headline: " + describe(beside));
                }
                displaced = top;
                nextStory = otherStory ? top : null;
                top = beside;
            }
        }
        if (displaced == null && top != root) {
            Element inMain = bestInMain(top, candidates, stats, best);
            if (inMain != null) {
                if (DEBUG) {
                    System.err.println("anchored to <main>: " + describe(inMain));
                }
                displaced = top;
                top = inMain;
            }
        }
        if (DEBUG) {
            candidates.stream().sorted((a, b) -> Double.compare(stats.get(b).score, stats.get(a).score)).limit(8)
                    .forEach(c -> System.err.printf("cand %.1f chars=%d ld=%.2f %s%n", stats.get(c).score,
                            stats.get(c).chars, stats.get(c).linkDensity(), describe(c)));
        }
        Element best0 = top;
        top = climb(top, root, stats);
        List<Element> included = withSiblings(top, root, stats, displaced);
        // The next story's box keeps its twins out too: the same template repeats down an endless page.
        addTwins(best0, candidates, included, stats, nextStory);
        addLargerPart(best0, candidates, included, stats, nextStory);
        if (DEBUG) {
            included.forEach(c -> System.err.println("included " + describe(c)));
        }
        Stat topStat = stats.get(top);
        int containerChars = topStat == null ? 0 : topStat.chars;
        for (Element e : included) {
            if (e != top && stats.get(e) != null) {
                containerChars += stats.get(e).chars;
            }
        }
        Set<Element> includedSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        includedSet.addAll(included);
        Map<Element, Boolean> dropCache = new IdentityHashMap<>();
        List<String> paragraphs = new ArrayList<>();
        int chars = 0;
        int trailingHeadings = 0;
        int trailingHeadingChars = 0;
        int bodyStart = -1;
        for (int i = 0; i < blocks.size(); i++) {
            TextBlock b = blocks.get(i);
            Element r = includedRoot(b.owner(), includedSet, root);
            if (r == null || b.furniture() || dropped(b, r, stats, containerChars, classChars, dropCache, boilerplate)) {
                continue;
            }
            if (bodyStart < 0) {
                bodyStart = i;
                for (TextBlock lead : Standfirst.between(blocks, headline, i)) {
                    paragraphs.add(lead.text());
                    chars += lead.chars();
                }
            }
            paragraphs.add(b.text());
            chars += b.chars();
            if (BlockCollector.HEADINGS.contains(b.owner().normalName())) {
                trailingHeadings++;
                trailingHeadingChars += b.chars();
            } else {
                trailingHeadings = 0;
                trailingHeadingChars = 0;
            }
        }
        // A heading with nothing after it introduces a widget that was dropped ("Related", "More from ...").
        if (trailingHeadings > 0 && trailingHeadings < paragraphs.size()) {
            paragraphs = new ArrayList<>(paragraphs.subList(0, paragraphs.size() - trailingHeadings));
            chars -= trailingHeadingChars;
        }
        return new Body(paragraphs, chars, linkBlocks);
    }

    /**
     * Whether a list item reads as prose and scores its list as a paragraph would: a story told as a list of tips,
     * one long sentence each, lost to its own short lead. A menu's or a link list's items are short or linked, and a
     * comment thread's are known as such.
     */
    static boolean isProseItem(TextBlock b) {
        return b.owner().normalName().equals("li") && b.chars() >= PROSE_ITEM_MIN_CHARS
                && b.linkDensity() < MAX_PROSE_ITEM_LINK_DENSITY && !b.furniture();
    }

    /** The share of link text above which a list item is a link's teaser rather than prose. */
    private static final double MAX_PROSE_ITEM_LINK_DENSITY = 0.2;

    /**
     * Whether the block is the only text of a box that otherwise holds just an image: a photo and its caption built
     * without {@code <figure>}. A caption's long, comma-rich sentence ("In this 2006 file photo, made available by
     * NASA, ...") outscores a short story's paragraphs when no class name says "caption".
     */
    static boolean captionsAnImage(TextBlock b) {
        Element owner = b.owner();
        Element box = CONTAINERS.contains(owner.normalName()) ? owner : owner.parent();
        // A quotation beside a picture is still a quotation: a review with its reader's photo.
        if (box == null || box.childrenSize() > 2 || box.normalName().equals("blockquote")) {
            return false;
        }
        boolean image = false;
        for (Element child : box.children()) {
            if (child == owner) {
                continue;
            }
            if (!isImage(child)) {
                return false;
            }
            image = true;
        }
        return image && box.text().length() <= b.text().length() + 1;
    }

    /** An image, or a link or picture that holds nothing but one, and no text. */
    private static boolean isImage(Element e) {
        String name = e.normalName();
        if (name.equals("img")) {
            return true;
        }
        return (name.equals("picture") || name.equals("a") || name.equals("span") || name.equals("div"))
                && !e.hasText() && !e.getElementsByTag("img").isEmpty();
    }

    /**
     * Characters up to which the text beside an image is its caption, left out of the body; longer, it is the story
     * told beside its picture (a slideshow's page: a photo and a paragraph).
     */
    private static final int MAX_CAPTION_CHARS = 300;

    /** Share of the best score a candidate beside the headline needs to take the place of a box elsewhere. */
    private static final double ANCHOR_MIN_SCORE_SHARE = 0.5;

    /** Levels above the headline within which a candidate counts as beside it. */
    private static final int ANCHOR_LEVELS = 3;

    /**
     * Whether {@code c} holds the headline or lies within a few levels of it (not the page's root), and not above the
     * headline's own {@code story} element (its {@code <article>}, or null): what lies beside that is another story.
     */
    private static boolean nearHeadline(Element c, Element headline, Element story, Element root) {
        if (c == root) {
            return false;
        }
        Element a = headline;
        for (int level = 0; a != null && a != root && level <= ANCHOR_LEVELS; level++, a = a.parent()) {
            if (isAncestorOrSelf(a, c)) {
                return true;
            }
            if (a == story) {
                break;
            }
        }
        return isAncestorOrSelf(c, headline);
    }

    /** How many times the best box's text the page's {@code <main>} must hold for a box in it to take its place. */
    private static final int MAIN_MIN_CHARS_RATIO = 2;

    /**
     * The best candidate in the page's one {@code <main>} when the best box lies outside it and {@code <main>} holds
     * far more text: HTML5's element for "the dominant content of the body" outweighs a modal's privacy policy or a
     * sidebar's blurb that scores higher only where no class name marks it as such. Null otherwise.
     */
    private static Element bestInMain(Element top, List<Element> candidates, Map<Element, Stat> stats, double best) {
        Element main = null;
        for (Map.Entry<Element, Stat> e : stats.entrySet()) {
            if (e.getKey().normalName().equals("main")) {
                if (main != null) {
                    return null;
                }
                main = e.getKey();
            }
        }
        if (main == null || isAncestorOrSelf(main, top) || isAncestorOrSelf(top, main)
                || stats.get(main).chars < MAIN_MIN_CHARS_RATIO * stats.get(top).chars) {
            return null;
        }
        Element only = main;
        return bestAnchored(candidates, stats, best, c -> isAncestorOrSelf(only, c));
    }

    /**
     * The highest-scoring candidate that {@code where} accepts and that scores at least {@link #ANCHOR_MIN_SCORE_SHARE}
     * of {@code best} (the first of equals), or null: the box an anchor (the headline, the page's {@code <main>})
     * puts in the best box's place.
     */
    private static Element bestAnchored(List<Element> candidates, Map<Element, Stat> stats, double best,
            java.util.function.Predicate<Element> where) {
        Element anchored = null;
        double anchoredScore = Double.NEGATIVE_INFINITY;
        for (Element c : candidates) {
            Stat s = stats.get(c);
            if (s.score >= best * ANCHOR_MIN_SCORE_SHARE && s.score > anchoredScore && where.test(c)) {
                anchored = c;
                anchoredScore = s.score;
            }
        }
        return anchored;
    }

    /** The {@code <article>} an element lies in, or null. */
    private static Element storyOf(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a.normalName().equals("article")) {
                return a;
            }
        }
        return null;
    }

    /** Whether the {@code <div>} holds only text of its own: paragraphs parted by {@code <br>}s, as a run of them. */
    private static boolean holdsOnlyItsText(Element box, Stat boxStat) {
        return boxStat.chars > 0 && boxStat.ownChars == boxStat.chars && box.normalName().equals("div");
    }

    /** Whether the {@code <div>} holds one {@code <p>} and no other text: a paragraph in a box of its own. */
    private static boolean wrapsOneParagraph(Element box, Stat boxStat, Map<Element, Stat> stats) {
        if (!box.normalName().equals("div") || box.childrenSize() != 1 || !box.child(0).normalName().equals("p")) {
            return false;
        }
        Stat p = stats.get(box.child(0));
        return p != null && p.chars == boxStat.chars;
    }

    /**
     * Whether the block is all the text of its container, a box holding one paragraph as a {@code <p>} would: a
     * template that writes its paragraphs as {@code <div>}s gives each its own box, and the box holding them is
     * the article's.
     */
    private static boolean isParagraphBox(TextBlock b, Map<Element, Stat> stats, Element root) {
        Stat own = stats.get(b.owner());
        // A form's message box, a caption's line: the text of the form or the picture, no paragraph of a story.
        return own != null && own.chars == b.chars() && b.owner().normalName().equals("div")
                && !inChrome(b.owner(), root);
    }

    /** Whether the element lies in the page's chrome: a header, footer, form, figure or aside, say, below the root. */
    static boolean inChrome(Element e, Element root) {
        for (Element a = e; a != null && a != root; a = a.parent()) {
            if (STRUCTURAL_NEGATIVE.contains(a.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Readability moves up from a candidate whose parent scores well too: the article's paragraphs are split. */
    private static Element climb(Element top, Element root, Map<Element, Stat> stats) {
        Stat ts = stats.get(top);
        if (ts == null) {
            return top;
        }
        double last = ts.score;
        double threshold = last / 3;
        for (Element p = top.parent(); p != null && p != root; p = p.parent()) {
            Stat ps = stats.get(p);
            if (ps == null || !ps.candidate) {
                continue;
            }
            if (ps.score < threshold) {
                break;
            }
            if (ps.score > last) {
                top = p;
                break;
            }
            last = ps.score;
        }
        while (top != root && top.parent() != null && top.parent() != root && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /**
     * The candidate plus the siblings that read like more of the same article; never the box the headline's text
     * displaced ({@code displaced}, or null), which would come back in as a sibling.
     */
    private static List<Element> withSiblings(Element top, Element root, Map<Element, Stat> stats,
            Element displaced) {
        List<Element> out = new ArrayList<>();
        Element parent = top.parent();
        if (top == root || parent == null) {
            out.add(top);
            return out;
        }
        Stat ts = stats.get(top);
        double topScore = ts == null ? 0 : ts.score;
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = Hints.kindClasses(top.className());
        for (Element s : parent.children()) {
            if (s == top) {
                out.add(s);
                continue;
            }
            Stat ss = stats.get(s);
            if (ss == null || displaced != null && (isAncestorOrSelf(s, displaced) || isAncestorOrSelf(displaced, s))) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(Hints.kindClasses(s.className())) ? topScore * 0.2 : 0;
            if (ss.candidate && ss.score + bonus >= threshold) {
                out.add(s);
            } else if (s.normalName().equals("p")
                    || (holdsOnlyItsText(s, ss) || wrapsOneParagraph(s, ss, stats)) && Hints.classWeight(s) >= 0) {
                double ld = ss.linkDensity();
                if ((ss.chars > 80 && ld < 0.25)
                        || (ss.chars > 0 && ss.chars <= 80 && ld == 0 && endsSentence(s.text()))) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * Adds candidates elsewhere in the page that carry the top candidate's exact class and score well: templates
     * that split one article into several identically named blocks (intro, then body after a full-width image).
     */
    private static void addTwins(Element top, List<Element> candidates, List<Element> included,
            Map<Element, Stat> stats, Element nextStory) {
        String key = twinKey(top);
        Stat ts = stats.get(top);
        if (key.isEmpty() || ts == null || included.size() > 20) {
            return;
        }
        double threshold = Math.max(10, ts.score * 0.2);
        for (Element c : candidates) {
            Stat cs = stats.get(c);
            if (c == top || cs.score < threshold || !Hints.sameKind(key, twinKey(c))
                    || nextStory != null && (isAncestorOrSelf(c, nextStory) || isAncestorOrSelf(nextStory, c))) {
                continue;
            }
            if (!overlapsAny(c, included)) {
                included.add(c);
            }
        }
    }

    /**
     * Adds a candidate in the same {@code <article>} as the best one that holds several times its text at a fair
     * share of its score: a story whose dense intro outscores the rest (a slideshow's slides, each scoring its own
     * small box, so that their common box scores low).
     */
    private static void addLargerPart(Element top, List<Element> candidates, List<Element> included,
            Map<Element, Stat> stats, Element nextStory) {
        Element story = storyOf(top);
        Stat ts = stats.get(top);
        if (story == null || ts == null) {
            return;
        }
        Element larger = null;
        for (Element c : candidates) {
            Stat cs = stats.get(c);
            if (cs.score < ts.score * LARGER_PART_SCORE_SHARE || cs.chars < ts.chars * LARGER_PART_TIMES
                    || cs.linkDensity() > 0.2 || storyOf(c) != story
                    || nextStory != null && (isAncestorOrSelf(c, nextStory) || isAncestorOrSelf(nextStory, c))) {
                continue;
            }
            if (!overlapsAny(c, included) && (larger == null || cs.score > stats.get(larger).score)) {
                larger = c;
            }
        }
        if (larger != null) {
            if (DEBUG) {
                System.err.println("larger part: " + describe(larger));
            }
            included.add(larger);
        }
    }

    /** Whether {@code c} holds or lies in one of the boxes already taken. */
    private static boolean overlapsAny(Element c, List<Element> included) {
        for (Element i : included) {
            if (isAncestorOrSelf(i, c) || isAncestorOrSelf(c, i)) {
                return true;
            }
        }
        return false;
    }

    /** Share of the best box's score a larger part of the story needs. */
    private static final double LARGER_PART_SCORE_SHARE = 0.5;

    /** How many times the best box's text a larger part of the story holds. */
    private static final int LARGER_PART_TIMES = 3;

    /**
     * What twins share: the class; for an element without one, its tag and an id that a page builder numbered
     * ({@code <td id="Text36942">}, one per text frame of a layout table), without the number.
     */
    private static String twinKey(Element e) {
        String cls = Hints.kindClasses(e.className());
        if (!cls.isEmpty()) {
            return cls;
        }
        String id = e.id();
        int digits = id.length();
        while (digits > 0 && Character.isDigit(id.charAt(digits - 1))) {
            digits--;
        }
        return digits >= 3 && digits < id.length() && id.length() - digits >= 2
                ? "#" + e.normalName() + ":" + id.substring(0, digits) : "";
    }

    /** Whether the text ends a sentence of words: a line of only a full stop ends none. */
    private static boolean endsSentence(String t) {
        return (t.contains(". ") || t.endsWith(".")) && t.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static Element includedRoot(Element owner, Set<Element> included, Element root) {
        for (Element e = owner; e != null; e = e.parent()) {
            if (included.contains(e)) {
                return e;
            }
            if (e == root) {
                return null;
            }
        }
        return null;
    }

    /** Whether a block inside the container is boilerplate: a small subtree named or built like a widget. */
    private static boolean dropped(TextBlock b, Element container, Map<Element, Stat> stats, int containerChars,
            ClassChars classChars, Map<Element, Boolean> cache, BoilerplateMemo boilerplate) {
        String tag = b.owner().normalName();
        if (tag.equals("h1")) {
            return true;
        }
        // Only blocks that are almost all link text go on density alone (0.5 cost recall on link-rich prose);
        // link lists are named like widgets and go by their names. A photo's caption is known by its box, whatever
        // the box is called.
        if (b.linkDensity() > MAX_LINK_DENSITY || boilerplate.of(b) || PropertyValueRun.onlyPropertyValues(b.owner())
                || b.text().length() <= MAX_CAPTION_CHARS && captionsAnImage(b)) {
            return true;
        }
        for (Element e = b.owner(); e != null && e != container; e = e.parent()) {
            Boolean d = cache.get(e);
            if (d == null) {
                d = negativeSubtree(e, stats, containerChars, classChars);
                cache.put(e, d);
            }
            if (d) {
                if (DEBUG) {
                    System.err.println("drop by " + describe(e).substring(0, Math.min(120, describe(e).length()))
                            + " : " + b.text().substring(0, Math.min(60, b.text().length())));
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Text held by each kind of box (its {@link Hints#kindClasses}), summed over the page's elements: summed at the
     * first question, as most pages never ask (only a widget-named box inside the chosen one does).
     */
    private static final class ClassChars {
        private final Map<Element, Stat> stats;
        private Map<String, Integer> sums;

        ClassChars(Map<Element, Stat> stats) {
            this.stats = stats;
        }

        int of(String kind) {
            if (sums == null) {
                sums = new java.util.HashMap<>();
                Map<String, String> kinds = new java.util.HashMap<>();
                for (Map.Entry<Element, Stat> en : stats.entrySet()) {
                    String cls = kinds.computeIfAbsent(en.getKey().className(), Hints::kindClasses);
                    if (!cls.isEmpty()) {
                        sums.merge(cls, en.getValue().chars, Integer::sum);
                    }
                }
            }
            return sums.getOrDefault(kind, 0);
        }
    }

    private static boolean negativeSubtree(Element e, Map<Element, Stat> stats, int containerChars,
            ClassChars classChars) {
        Stat s = stats.get(e);
        // A "negative" name on a subtree holding much of the text (40%+) is a template quirk, not a widget.
        if (s != null && s.chars * 5 > containerChars * 2) {
            return false;
        }
        if (STRUCTURAL_NEGATIVE.contains(e.normalName())) {
            return true;
        }
        String tag = e.normalName();
        String classAndId = Hints.classAndId(e);
        if (!Hints.negative(e, classAndId)) {
            return false;
        }
        if (isSubheadingBox(e) && !Hints.stronglyNegative(classAndId)) {
            return false;
        }
        // Same-named elements that together hold much of the text are the article cut into chunks (a template
        // that wraps every few paragraphs in its own "sidebar-grid__content"), not repeated widgets.
        String cls = Hints.kindClasses(e.className());
        if (!cls.isEmpty() && classChars.of(cls) * 5 > containerChars * 2) {
            return false;
        }
        // Rows and cells carry styling classes ("player-2020", "oddrow"), not roles.
        return !(tag.equals("tr") || tag.equals("td") || tag.equals("th") || tag.equals("tbody"));
    }

    /**
     * Whether the box is a heading of the story's own, or holds nothing else: a CMS's content element for a
     * subheading, named after its type ({@code neos-nodetypes-headline}, {@code ce-header}). Not a linked heading,
     * which heads a teaser.
     */
    private static boolean isSubheadingBox(Element e) {
        Element heading = e;
        while (!BlockCollector.HEADINGS.contains(heading.normalName())) {
            if (heading.childrenSize() != 1 || heading.textNodes().stream().anyMatch(t -> !t.isBlank())) {
                return false;
            }
            heading = heading.child(0);
        }
        if (!heading.getElementsByTag("a").isEmpty()) {
            return false;
        }
        // What the heading heads follows it: prose, in a box not named like a widget. A widget's heading in a box of
        // its own ("Most read in Football") is followed by the widget.
        Element next = e.nextElementSibling();
        return next != null && !Hints.negative(next, Hints.classAndId(next)) && !BlockCollector.HEADINGS.contains(
                next.normalName()) && next.text().length() >= SUBHEADED_PROSE_MIN_CHARS;
    }

    /** Characters of text after a subheading's box for the heading to head the story's prose. */
    private static final int SUBHEADED_PROSE_MIN_CHARS = 80;

    static final boolean DEBUG = Boolean.getBoolean("newsflow.extract.debug");

    static String describe(Element e) {
        StringBuilder b = new StringBuilder();
        for (Element x = e; x != null && b.length() < 300; x = x.parent()) {
            b.append(x.normalName());
            if (!x.id().isEmpty()) {
                b.append('#').append(x.id());
            }
            if (!x.className().isEmpty()) {
                b.append('.').append(x.className().replace(' ', '.'));
            }
            b.append(" < ");
        }
        return b.toString();
    }

    private static int tagBias(String tag) {
        return switch (tag) {
            case "div", "article" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    private static int commas(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ',' || c == '،' || c == '，' || c == '、') {
                n++;
            }
        }
        return n;
    }
}
