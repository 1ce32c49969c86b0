package io.newsflow.extract.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The elements metadata is read from, gathered in one pass over the DOM: a dozen CSS selections would each walk
 * the whole page again.
 */
final class PageIndex implements NodeVisitor {

    private static final Evaluator ARTICLE_OR_MAIN = QueryParser.parse("article, main");

    /** What a piece of writing is called before "von"/"by" in a byline: "Ein Artikel von", "Eine Kolumne von". */
    private static final String PIECE_BY = "(?:eine?\\s+)?(?:artikel|beitrag|gastbeitrag|kommentar|kolumne|bericht|"
            + "article|story|column|report|un article|un artículo|una columna|text|texte|texto)\\s+(?:von|by|de|par|por)";
    private static final Pattern BYLINE_LABEL = Pattern.compile(
            "(?:by|von|par|por|door|autor(?:in)?(?:\\s*/\\s*autor(?:in)?)?|authors?|auteure?s?|autore|autores|"
                    + "written by|geschrieben von|verfasst von|escrito por|texto?|автор[ы]?|" + PIECE_BY + ")\\s*:?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BYLINE_START = Pattern.compile(
            "(?:by|von|par|por|written by|geschrieben von|autor(?:in)?\\s*:|authors?\\s*:|auteure?s?\\s*:|"
                    + "escrito por|texto?\\s*:|автор[ы]?\\s*:|" + PIECE_BY + ")\\s*(?-i:\\p{Lu})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The two letters BYLINE_LABEL and BYLINE_START can begin with, lower-cased. */
    private static final java.util.Set<String> LABEL_PAIRS = java.util.Set.of("by", "vo", "ve", "pa", "po", "do",
            "au", "wr", "ge", "es", "te", "ав");

    /** The words {@link #PIECE_BY} can begin with, lower-cased: tried only on short texts that start with one. */
    private static final String[] PIECE_WORDS = {"ein", "artikel", "article", "beitrag", "bericht", "gastbeitrag",
            "kommentar", "kolumne", "story", "column", "report", "un art", "una col", "text"};

    /** A link into one writer's page: {@code /author/jane-doe}, {@code /autoren/georg-q}, {@code /staff/x/}. */
    private static final Pattern AUTHOR_HREF = Pattern.compile(
            "/(?:authors?|autor(?:in|en)?|auteurs?|staff|redakteur(?:in)?|journalist(?:in)?|reporters?)/[^/?#]{3,}/?(?:$|[?#])",
            Pattern.CASE_INSENSITIVE);
    static final Pattern TAG_HREF = Pattern.compile(
            "/(?:tags?|schlagw(?:ort|örter)e?|stichw(?:ort|örter)e?|etiquetas?|tem[ai]s?|teg[iy]?|теги|тэги|тег)/[^/?#]+"
                    + "|[?&]tags?=[^&#]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    final List<Element> metas = new ArrayList<>();
    final List<Element> itemprops = new ArrayList<>();
    final List<Element> images = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>();
    final List<Element> figures = new ArrayList<>();
    final List<Element> bylines = new ArrayList<>();
    /** For each {@code <h1>}, how many bylines came before it in page order. */
    final List<Integer> bylinesBeforeH1 = new ArrayList<>();
    /** For each {@code <h1>}, how many of {@link #h2s} came before it in page order. */
    final List<Integer> h2sBeforeH1 = new ArrayList<>();
    /** The first twenty {@code <h2>}s: a page without an {@code <h1>} often heads its story with one. */
    final List<Element> h2s = new ArrayList<>();
    /** Links into a writer's page, read after the bylines the page marks as such. */
    final List<Element> authorLinks = new ArrayList<>();
    /** Paragraphs that sign a story at its end: a bold name alone ({@code <p><b>Jane Doe</b></p>}). */
    final List<Element> signOffs = new ArrayList<>();
    /** The credited sources of a story, each a line of its own: "Quelle: dpa" read as "dpa". */
    final List<Element> sourceLines = new ArrayList<>();
    /**
     * Comments the post's own author wrote: WordPress's {@code comment_class()} marks them {@code bypostauthor}, which
     * names the post's writer where its template prints no byline.
     */
    final List<Element> postAuthorComments = new ArrayList<>();
    /**
     * Bylines the page writes out as such, a keyword and the name in one element ("Von Jane Doe", "By Jane Doe"):
     * what the readers are shown as the writer.
     */
    final List<Element> shownBylines = new ArrayList<>();
    /** For each {@code <h1>}, how many of {@link #shownBylines} came before it in page order. */
    final List<Integer> shownBylinesBeforeH1 = new ArrayList<>();
    /** The person a press contact block names first ("Pressekontakt<br>Dr. Jane Doe<br>Pressesprecherin …"). */
    final List<Element> contactNames = new ArrayList<>();
    /** The agency a story's dateline credits ("Hamburg (dpa/lno) – …"), after the headline: the first one only. */
    String datelineAgency;
    /** Links with a {@code rel} attribute, in page order. */
    final List<Element> relLinks = new ArrayList<>();
    /** Links into a site's tag pages ({@code /tag/x}, {@code /schlagworte/x}, {@code ?tag=x}), in page order. */
    final List<Element> tagLinks = new ArrayList<>();
    Element canonical;
    Element firstTime;
    boolean articleItemtype;
    /** Whether microdata types an element as a live blog, whose dates are its entries'. */
    boolean liveBlogItemtype;

    /** The page itself, for the rare question no list above answers. */
    Document doc;

    static PageIndex of(Document doc) {
        PageIndex index = new PageIndex();
        index.doc = doc;
        NodeTraversor.traverse(index, doc);
        return index;
    }

    /**
     * A Chinese article's editor line, "责任编辑：Name" or "(责编：Name、Name)": Chinese news sites sign their stories
     * with the responsible editor, and fundus and trafilatura take that name for the author.
     */
    static final Pattern EDITOR_LABEL_ZH = Pattern.compile("^[(（【\\[]?\\s*(?:责任编辑|责编)\\s*[:：]\\s*(?=\\p{IsHan})");

    /** A numeric date as meta rows write it: "04.02.2022", "06.11.23", "2022-02-04", "02/04/2022". */
    private static final String NUMERIC_DATE =
            "(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})";

    /**
     * A meta row that opens with a numeric date and ends with the writer: "04.02.2022 | 13:10 Uhr | Jane Doe",
     * "06.11.2023 13:30 von Jane". Group 1 is the keyword if there is one, group 2 what follows the last separator.
     */
    private static final Pattern DATE_ROW = Pattern.compile("^" + NUMERIC_DATE + "\\b.*?"
                    + "(?:\\s*[|·•]\\s*|\\s(von|by)\\s+)(\\p{L}[^|·•\\d]*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            String raw = t.getWholeText();
            if (leadingWhiteSpace(raw) == raw.length()) {
                // Most text nodes are the white space between tags; none of the byline forms can start there.
                return;
            }
            labelledByline(t);
            editorLineZh(t);
            dateRowByline(t);
            nameBeforeDate(t);
            sourceLine(t);
            contactLine(t);
            datelineAgency(t);
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "meta" -> metas.add(e);
            case "img" -> images.add(e);
            case "h1" -> {
                h1s.add(e);
                bylinesBeforeH1.add(bylines.size());
                shownBylinesBeforeH1.add(shownBylines.size());
                h2sBeforeH1.add(h2s.size());
            }
            case "h2" -> {
                if (h2s.size() < 20) {
                    h2s.add(e);
                }
            }
            case "figure" -> figures.add(e);
            case "p" -> {
                if (isSignOff(e)) {
                    signOffs.add(e);
                } else {
                    String signer = signatureName(e);
                    if (signer != null) {
                        signOffs.add(new Element("span").text(signer));
                    }
                }
            }
            case "a" -> {
                if (e.hasAttr("rel")) {
                    relLinks.add(e);
                }
                String href = e.attr("href");
                if (href.length() > 4 && mayBeTagHref(href) && TAG_HREF.matcher(href).find()) {
                    tagLinks.add(e);
                } else if (href.length() > 8 && mayNameWriter(href) && AUTHOR_HREF.matcher(href).find()
                        && !e.attr("rel").equals("author")
                        && !e.attr("class").toLowerCase(Locale.ROOT).contains("author")) {
                    // A link to the writer's own page is a byline, whatever its class says.
                    authorLinks.add(e);
                }
            }
            case "time" -> {
                if (firstTime == null && e.hasAttr("datetime")) {
                    firstTime = e;
                }
            }
            case "link" -> {
                if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                    canonical = e;
                }
            }
            default -> {
            }
        }
        if (e.hasAttr("itemprop")) {
            itemprops.add(e);
            if (e.attr("itemprop").equals("author")) {
                bylines.add(e);
            }
        }
        if (e.hasAttr("itemtype")) {
            String t = e.attr("itemtype");
            if (t.contains("Article") || t.contains("BlogPosting")) {
                articleItemtype = true;
            }
            if (t.contains("LiveBlogPosting")) {
                liveBlogItemtype = true;
            }
        }
        if (e.attr("rel").equals("author")) {
            bylines.add(e);
        } else {
            String cls = e.attr("class");
            if (!cls.isEmpty()) {
                String c = cls.toLowerCase(Locale.ROOT);
                if (c.contains("credit") && isCreditUnderHeadline(e)) {
                    // The wire service credited under the headline ("JIJI", "AP"): the story's byline.
                    bylines.add(e);
                }
                if (c.contains("byline") || c.contains("author") || c.contains("autor")) {
                    bylines.add(e);
                    if (c.contains("bypostauthor")) {
                        postAuthorComments.add(e);
                    }
                }
            }
        }
    }

    /**
     * Whether TAG_HREF can match: it needs a '/', '?' or '&' followed by two letters that begin one of its words
     * (ta, te, sc, st, et, те, тэ, case-folded as the pattern folds them). Most links have none, and then the
     * pattern's try at every character is spared.
     */
    static boolean mayBeTagHref(String href) {
        for (int i = 0, n = href.length() - 2; i < n; i++) {
            char c = href.charAt(i);
            if (c == '/' || c == '?' || c == '&') {
                char a = fold(href.charAt(i + 1));
                char b = fold(href.charAt(i + 2));
                if (a == 't' && (b == 'a' || b == 'e') || a == 's' && (b == 'c' || b == 't') || a == 'e' && b == 't'
                        || a == 'т' && (b == 'е' || b == 'э')) {
                    return true;
                }
            }
        }
        return false;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * A byline without a class: a text that is a label ("Autor:", "Von", "Written by:") or starts with one. Its
     * element, or the element around a label wrapped on its own ({@code <strong>Autor</strong> Name}), is a byline.
     */
    private void labelledByline(TextNode t) {
        String raw = t.getWholeText();
        if (!startsLikeLabel(raw) && !(raw.length() <= 300 && startsWithPieceWord(raw))) {
            return;
        }
        String whole = t.text().strip();
        String text = !whole.isEmpty() && isSeparator(whole.charAt(0)) ? whole.substring(1).strip() : whole;
        Element parent = t.parent();
        if (text.length() < 2 || text.length() > 80 || parent == null) {
            return;
        }
        if (parent.closest(NEVER_BYLINE) != null) {
            // "Von Kiel nach Kapstadt": a headline that opens with a label word is still the headline; code that
            // opens with "text =" is code.
            return;
        }
        if (BYLINE_LABEL.matcher(text).matches()) {
            Element e = parent;
            Element label = null;
            if (e.text().strip().length() <= whole.length() + 1 && e.parent() != null) {
                label = e;
                e = e.parent();
            }
            if (e.text().length() <= 80 && e.text().strip().startsWith(text)) {
                bylines.add(e);
            } else if (label != null) {
                lineAfterLabel(label, text);
            } else if (atLineStart(t)) {
                // "…<br>Autor: <a>Jane Doe</a><br>…": a bare label opening a line of a long block.
                lineAfterLabel(t, text + " ");
            }
        } else if (BYLINE_START.matcher(text).lookingAt() && parent.text().length() <= 80
                && parent.text().strip().startsWith(text)) {
            bylines.add(parent);
            shownBylines.add(parent);
        }
    }

    /**
     * A text node that is a Chinese editor line is a byline, read as a detached element: its element often holds a
     * link before it too ("【纠错】 责任编辑： Name").
     */
    private void editorLineZh(TextNode t) {
        String raw = t.getWholeText();
        if (raw.length() > 80 || raw.indexOf('责') < 0) {
            return;
        }
        String text = t.text().strip();
        Element parent = t.parent();
        if (parent != null && EDITOR_LABEL_ZH.matcher(text).find() && parent.closest(MetadataExtractor.COMMENTS) == null) {
            bylines.add(new Element("span").text(text));
        }
    }

    /**
     * The writer at the end of a date row, read as a detached element. After a bare separator only a person's full
     * name counts ("| Berlin" is a place); after "von"/"by" any name does.
     */
    private void dateRowByline(TextNode t) {
        String raw = t.getWholeText();
        int i = leadingWhiteSpace(raw);
        if (raw.length() > 100 || i >= raw.length() || !Character.isDigit(raw.charAt(i)) || !mayEndWithWriter(raw)) {
            return;
        }
        java.util.regex.Matcher m = DATE_ROW.matcher(t.text().strip());
        Element parent = t.parent();
        if (!m.matches() || parent == null || parent.closest(MetadataExtractor.COMMENTS) != null) {
            return;
        }
        String name = m.group(2).strip();
        if (m.group(1) != null) {
            bylines.add(new Element("span").text(m.group(1) + " " + name));
        } else if (Bylines.isPersonName(name)) {
            bylines.add(new Element("span").text(name));
        }
    }

    /** How many characters of white space ({@link Character#isWhitespace}) open the text. */
    private static int leadingWhiteSpace(String raw) {
        int i = 0;
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A cheap test before {@link #DATE_ROW}: the row has a separator or a "von"/"by" before a name. */
    private static boolean mayEndWithWriter(String raw) {
        if (raw.indexOf('|') >= 0 || raw.indexOf('·') >= 0 || raw.indexOf('•') >= 0) {
            return true;
        }
        for (int i = 0; i + 2 <= raw.length(); i++) {
            if (raw.regionMatches(true, i, "by", 0, 2) || raw.regionMatches(true, i, "von", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a paragraph signs the story: it holds only a bold full name, it is the last paragraph of a block of at
     * least three, and nothing with text follows it there (the writer's name set under the text with no label). A bold
     * line with text after it is a subheading ("Weitere Informationen" over a list).
     */
    private static boolean isSignOff(Element p) {
        // One bold element and white space around it: at most three nodes (checked first, as it costs nothing).
        if (p.childNodeSize() > 3) {
            return false;
        }
        Element bold = null;
        for (int i = 0; i < p.childNodeSize(); i++) {
            if (p.childNode(i) instanceof Element el) {
                if (bold != null) {
                    return false;
                }
                bold = el;
            }
        }
        if (bold == null || !p.ownText().isBlank()) {
            return false;
        }
        if (!bold.normalName().equals("strong") && !bold.normalName().equals("b") || bold.childrenSize() > 0) {
            return false;
        }
        String name = bold.text().strip();
        return name.length() <= 40 && Bylines.isPersonName(name) && closesBlock(p);
    }

    /**
     * The signer of a statement, a speech or a letter: the last paragraph of a block is two lines, a full name and,
     * after a {@code <br>}, a title ("Jane DOE<br>Bundesvorsitzende"). Null for any other paragraph.
     */
    private static String signatureName(Element p) {
        if (p.childNodeSize() > 5) {
            return null;
        }
        List<Node> lines = new ArrayList<>();
        for (Node n : p.childNodes()) {
            if (!(n instanceof TextNode tn && tn.isBlank())) {
                lines.add(n);
            }
        }
        if (lines.size() != 3 || !(lines.get(0) instanceof TextNode name) || !(lines.get(2) instanceof TextNode title)
                || !(lines.get(1) instanceof Element br && br.normalName().equals("br"))) {
            return null;
        }
        String signer = name.text().strip();
        String role = title.text().strip();
        // A title is words ("DITIB-Bundesvorsitzender", "Pressesprecherin der Stadt"); a credit line of a track list
        // ("Jimmy Jenkins (audiojungle.net)") or a label with its value ("Geltungsraum:<br>Deutschland") is not.
        boolean titleLike = role.length() >= 3 && role.length() <= 60 && TITLE_WORDS.matcher(role).matches()
                && !Bylines.isPersonName(role);
        return signer.length() <= 40 && titleLike && SIGNER.matcher(signer).matches() && Bylines.isPersonName(signer)
                && closesBlock(p) ? signer : null;
    }

    private static final Pattern TITLE_WORDS = Pattern.compile("[\\p{L}][\\p{L} ,&/-]*");
    private static final Pattern SIGNER = Pattern.compile("[\\p{L}][\\p{L} .'’-]*");

    /** Whether a paragraph is the last of a block of at least three, with no text after it there. */
    private static boolean closesBlock(Element p) {
        Element parent = p.parent();
        if (parent == null) {
            return false;
        }
        List<Element> paragraphs = new ArrayList<>();
        for (Element c : parent.children()) {
            if (c.normalName().equals("p")) {
                paragraphs.add(c);
            }
        }
        if (paragraphs.size() < 3 || paragraphs.get(paragraphs.size() - 1) != p) {
            return false;
        }
        for (Element next = p.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            if (!next.text().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A full name closed by a meta row's separator: "Jane Doe |". */
    private static final Pattern NAME_THEN_SEPARATOR = Pattern.compile("^(\\p{L}[^|·•\\d]*?)\\s*[|·•]$");
    /** A text that opens with a numeric date. */
    private static final Pattern OPENS_WITH_DATE = Pattern.compile("^\\s*" + NUMERIC_DATE + "\\b");

    /**
     * The writer first in a meta row, the date in the next element: {@code <span>Jane Doe |</span>
     * <span>05.04.2025</span>}. Read as a detached element; only a full personal name counts.
     */
    private void nameBeforeDate(TextNode t) {
        String raw = t.getWholeText();
        if (raw.length() > 60 || raw.indexOf('|') < 0 && raw.indexOf('·') < 0 && raw.indexOf('•') < 0) {
            return;
        }
        java.util.regex.Matcher m = NAME_THEN_SEPARATOR.matcher(t.text().strip());
        Element parent = t.parent();
        if (!m.matches() || parent == null || !parent.text().strip().equals(t.text().strip())) {
            return;
        }
        Element next = parent.nextElementSibling();
        String name = m.group(1).strip();
        if (next != null && OPENS_WITH_DATE.matcher(next.text()).lookingAt() && Bylines.isPersonName(name)
                && parent.closest(MetadataExtractor.COMMENTS) == null) {
            bylines.add(new Element("span").text(name));
        }
    }

    /** A German story's credit line: "Quelle: MDR THÜRINGEN/ls", "Quelle: kathpress". */
    private static final Pattern SOURCE_LINE = Pattern.compile("^Quelle\\s*:\\s*(\\p{L}.{1,40})$");

    /**
     * A credit line in an element of its own, after the story: the agency or the desk that supplied it. Not one
     * inside a figure or a table (a picture's or a chart's source).
     */
    private void sourceLine(TextNode t) {
        String raw = t.getWholeText();
        if (raw.length() > 60 || !raw.startsWith("Quelle", leadingWhiteSpace(raw))) {
            return;
        }
        String text = t.text().strip();
        Element parent = t.parent();
        java.util.regex.Matcher m = SOURCE_LINE.matcher(text);
        if (parent == null || !m.matches() || !parent.text().strip().startsWith(text)
                || parent.text().length() > 60 || parent.closest(FIGURE_OR_TABLE) != null) {
            return;
        }
        // Only a source written in the label's own text: a linked one ("Quelle: <a>Prospekt</a>") is as often a deal's
        // or a quote's origin as the story's.
        sourceLines.add(new Element("span").text(m.group(1)));
    }

    /**
     * A dateline opening a paragraph: the place, the agency's short name in brackets (lower or upper case, an editor's
     * initials after a slash) and a dash: "Hamburg (dpa/lno) –", "WASHINGTON (AP) —". A place in brackets
     * ("Rostow (Russland) -") is no agency.
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{L}.' /-]{1,30}\\s\\((\\p{Ll}{2,5}(?:/\\p{Ll}{2,5})?|\\p{Lu}{2,6}(?:/\\p{Ll}{2,5})?)\\)\\s*[–—-]\\s");

    /** The agency of the first dateline after the headline, when a paragraph opens with one. */
    private void datelineAgency(TextNode t) {
        String raw = t.getWholeText();
        int i = leadingWhiteSpace(raw);
        if (datelineAgency != null || h1s.isEmpty() || i >= raw.length() || !Character.isUpperCase(raw.charAt(i))
                || raw.indexOf('(') < 0 || raw.indexOf('(') > 40 + i) {
            return;
        }
        java.util.regex.Matcher m = DATELINE.matcher(raw.substring(i));
        if (m.lookingAt() && t.parent() != null && t.parent().normalName().equals("p") && t.previousSibling() == null
                && t.parent().closest(MetadataExtractor.COMMENTS) == null) {
            datelineAgency = m.group(1);
        }
    }

    /** The label of a press release's contact block, alone on its line: "Pressekontakt:", "Ansprechpartnerin", "Media contact". */
    private static final Pattern CONTACT_LABEL = Pattern.compile(
            "(?:(?:ihr|ihre|your)\\s+)?(?:(?:presse|medien)?kontakt|ansprechpartner(?:in)?|(?:press|media)\\s+contacts?|contact\\s+presse|contacto"
                    + "(?:\\s+de\\s+prensa)?|kontakt\\s+(?:für\\s+(?:die\\s+)?medien|zum\\s+thema))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A contact block's label on a line of its own, and the person on the line after it: a press release names no
     * writer, but the press officer who answers for it. Read as a detached element, only a full personal name.
     */
    private void contactLine(TextNode t) {
        String raw = t.getWholeText();
        if (raw.length() > 40 || !holdsContactWord(raw)) {
            // Most short texts hold none of the label's words: they are told apart before any copy is made.
            return;
        }
        String label = t.text().strip();
        if (label.endsWith(":")) {
            label = label.substring(0, label.length() - 1).strip();
        }
        if (!CONTACT_LABEL.matcher(label).matches() || t.parent() == null || t.parent().closest(NOT_CONTACT) != null) {
            return;
        }
        // The label alone in its element (<strong>Pressekontakt</strong>, <div>Kontakt:</div>): the line goes on after it.
        Node from = t;
        while (from.parent() instanceof Element p && p.text().strip().equals(t.text().strip())
                && !p.normalName().equals("body")) {
            from = p;
        }
        if (from instanceof Element e && e.closest(MetadataExtractor.COMMENTS) != null) {
            return;
        }
        String line = nextLine(from);
        if (line == null) {
            return;
        }
        line = line.replaceAll("[\\s\\u00A0]+", " ").strip();
        if (line.endsWith(":")) {
            line = line.substring(0, line.length() - 1).strip();
        }
        // A second label under the first ("Kontakt" over "Ihr Ansprechpartner") is read as a label itself.
        List<String> names = line.length() <= 40 && !CONTACT_LABEL.matcher(line).matches() ? Bylines.names(line) : List.of();
        if (names.size() == 1 && Bylines.isPersonName(names.get(0))) {
            contactNames.add(new Element("span").text(names.get(0)));
        }
    }

    /** Where a contact label is a menu's or a button's, not a press release's block. */
    private static final Evaluator NOT_CONTACT = QueryParser.parse("a, button, nav, header, footer, li, label, option");

    /**
     * Whether a text holds "ntakt", "ntact" or "partner" in any ASCII case, in one pass: the contact label's words
     * ("Kontakt", "contact", "Ansprechpartner"). Setting 0x20 lower-cases an ASCII letter.
     */
    static boolean holdsContactWord(String text) {
        int n = text.length();
        for (int i = 0; i + 5 <= n; i++) {
            int c = text.charAt(i) | 0x20;
            if (c == 'n') {
                if ((text.charAt(i + 1) | 0x20) == 't' && (text.charAt(i + 2) | 0x20) == 'a'
                        && ((text.charAt(i + 3) | 0x20) == 'k' || (text.charAt(i + 3) | 0x20) == 'c')
                        && (text.charAt(i + 4) | 0x20) == 't') {
                    return true;
                }
            } else if (c == 'p' && i + 7 <= n && (text.charAt(i + 1) | 0x20) == 'a'
                    && (text.charAt(i + 2) | 0x20) == 'r' && (text.charAt(i + 3) | 0x20) == 't'
                    && (text.charAt(i + 4) | 0x20) == 'n' && (text.charAt(i + 5) | 0x20) == 'e'
                    && (text.charAt(i + 6) | 0x20) == 'r') {
                return true;
            }
        }
        return false;
    }

    /** The text of the line after a node: up to the next {@code <br>} or block, in its siblings' order. */
    private static String nextLine(Node from) {
        StringBuilder line = new StringBuilder();
        for (Node n = from.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof TextNode tn) {
                line.append(tn.text());
            } else if (n instanceof Element el) {
                if (el.normalName().equals("a") && el.text().length() > 0 && line.toString().isBlank()) {
                    // A link on the line after the label is the next menu item, not a person.
                    return null;
                }
                if (el.normalName().equals("br") || el.isBlock()) {
                    if (!line.toString().isBlank()) {
                        break;
                    }
                    if (el.normalName().equals("br")) {
                        continue;
                    }
                    return firstLine(el);
                }
                line.append(el.text());
            }
            if (line.length() > 40) {
                return null;
            }
        }
        return line.toString().strip();
    }

    /** The text of an element's first line: up to its first {@code <br>} or inner block. */
    private static String firstLine(Element block) {
        StringBuilder line = new StringBuilder();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode tn) {
                    line.append(tn.text());
                } else if (node != block && node instanceof Element el && (el.normalName().equals("br") || el.isBlock())
                        && !line.toString().isBlank()) {
                    return FilterResult.STOP;
                }
                return line.length() > 40 ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                // A block that ends after some text ends the line too.
                return node != block && node instanceof Element el && el.isBlock() && !line.toString().isBlank()
                        ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, block);
        return line.toString().strip();
    }

    private static final Evaluator FIGURE_OR_TABLE = QueryParser.parse(
            "figure, figcaption, table, picture");

    private static final Evaluator NEVER_BYLINE = QueryParser.parse("h1, pre, code");

    /** Whether a text opens a line: the first thing in its element, or right after a {@code <br>}. */
    private static boolean atLineStart(TextNode t) {
        Node before = t.previousSibling();
        while (before instanceof TextNode tn && tn.isBlank()) {
            before = before.previousSibling();
        }
        return before == null || before instanceof Element el && el.normalName().equals("br");
    }

    /**
     * A label in an element of its own inside a block of several labelled lines ({@code <b>Datum:</b> 19.11.2021<br>
     * <b>Autor:</b> Jane Doe<br><b>Quelle:</b> …}), or a bare label opening a line of a long block: the byline is the
     * label and what follows it up to the line's end, read as a detached element, since no element of the page holds
     * that line alone.
     */
    private void lineAfterLabel(Node label, String text) {
        StringBuilder line = new StringBuilder(text);
        for (Node n = label.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof Element el && (el.normalName().equals("br")
                    || el.isBlock() || el.text().strip().endsWith(":"))) {
                break;
            }
            String piece = n instanceof TextNode tn ? tn.text() : n instanceof Element el ? el.text() : "";
            line.append(piece);
            if (line.length() > 80) {
                return;
            }
        }
        String byline = line.toString().strip();
        Element holder = label instanceof Element el ? el : (Element) label.parent();
        if (byline.length() > text.strip().length() + 1 && holder != null
                && holder.closest(MetadataExtractor.COMMENTS) == null) {
            bylines.add(new Element("span").text(byline));
        }
    }

    /** Whether a raw text opens (after white space) with a word that names a piece of writing ("Ein Artikel von"). */
    private static boolean startsWithPieceWord(String raw) {
        int i = leadingWhiteSpace(raw);
        // Most texts fail on their first two letters; only then are the words compared whole.
        // (Folded as regionMatches folds, so no text passes there that fails here.)
        if (i + 1 >= raw.length() || !isPair(PIECE_PAIR_CHARS, fold(raw.charAt(i)), fold(raw.charAt(i + 1)))) {
            return false;
        }
        for (String w : PIECE_WORDS) {
            if (raw.regionMatches(true, i, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the first two visible letters of a raw text are ones a byline label begins with: nearly every text
     * node of a page fails this, and then neither label pattern can match, so the whitespace-normalised copy of the text
     * the patterns need is never built.
     */
    private static boolean startsLikeLabel(String raw) {
        int i = 0;
        int n = raw.length();
        // What TextNode.text() and strip() leave out before the first character.
        while (i < n && (Character.isWhitespace(raw.charAt(i)) || StringUtil.isActuallyWhitespace(raw.charAt(i))
                || StringUtil.isInvisibleChar(raw.charAt(i)))) {
            i++;
        }
        if (i < n && isSeparator(raw.charAt(i))) {
            // A meta row's separator before the label: "April 13, 2020 | By Jane Doe".
            i++;
            while (i < n && (Character.isWhitespace(raw.charAt(i)) || StringUtil.isActuallyWhitespace(raw.charAt(i)))) {
                i++;
            }
        }
        if (i >= n) {
            return false;
        }
        char first = Character.toLowerCase(raw.charAt(i++));
        // Between the first two letters TextNode.text() drops only invisible characters (soft hyphen, zero width).
        while (i < n && StringUtil.isInvisibleChar(raw.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        return isPair(LABEL_PAIR_CHARS, first, Character.toLowerCase(raw.charAt(i)));
    }

    /** The characters a meta row puts between its items. */
    private static boolean isSeparator(char c) {
        return c == '|' || c == '•' || c == '·' || c == '–' || c == '—' || c == '/';
    }

    /** The first two letters of each of {@link #PIECE_WORDS}, one after the other. */
    private static final char[] PIECE_PAIR_CHARS = firstPairs(PIECE_WORDS);

    private static char[] firstPairs(String[] words) {
        char[] pairs = new char[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            pairs[2 * i] = words[i].charAt(0);
            pairs[2 * i + 1] = words[i].charAt(1);
        }
        return pairs;
    }

    /**
     * Whether two lower-cased letters stand side by side in {@code pairs} (two letters a pair), without building a
     * string for each text node.
     */
    private static boolean isPair(char[] pairs, char first, char second) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == first && pairs[i + 1] == second) {
                return true;
            }
        }
        return false;
    }

    private static final char[] LABEL_PAIR_CHARS = String.join("", LABEL_PAIRS).toCharArray();

    /** A cheap test before {@link #AUTHOR_HREF}: most links name no writer's page, and a regex per link adds up. */
    private static boolean mayNameWriter(String href) {
        return href.contains("ut") || href.contains("UT") || href.contains("taff") || href.contains("edakt")
                || href.contains("ournalist") || href.contains("eporter");
    }

    /** The first {@code <h1>}, preferring one inside {@code <article>} or {@code <main>}. */
    Element headline() {
        for (Element h : h1s) {
            if (h.closest(ARTICLE_OR_MAIN) != null) {
                return h;
            }
        }
        return h1s.isEmpty() ? null : h1s.get(0);
    }

    /** The {@code <h2>}s (of the first twenty) that come after the given {@code <h1>} in page order. */
    List<Element> h2sAfter(Element h1) {
        int i = h1s.indexOf(h1);
        return i < 0 ? List.of() : h2s.subList(h2sBeforeH1.get(i), h2s.size());
    }

    /**
     * The bylines, those after the headline first: a byline above the headline is more often a teaser's or a rail's
     * than the story's.
     */
    List<Element> bylinesFromHeadline() {
        Element h = headline();
        int at = h == null ? 0 : bylinesBeforeH1.get(h1s.indexOf(h));
        if (at == 0) {
            return bylines;
        }
        List<Element> out = new ArrayList<>(bylines.subList(at, bylines.size()));
        out.addAll(bylines.subList(0, at));
        return out;
    }

    /** The bylines written out as such after the story's headline; none on a page without one. */
    List<Element> shownBylinesAfterHeadline() {
        Element h = headline();
        return h == null ? List.of() : shownBylines.subList(shownBylinesBeforeH1.get(h1s.indexOf(h)), shownBylines.size());
    }

    /**
     * Whether an element named a credit follows the story's headline as its next element ({@code <h1>…</h1><p
     * class="credit">AP</p>}, the {@code <h1>} alone or in an {@code <hgroup>}): the story's credit, where a credit in
     * a figure or under a picture is the photographer's.
     */
    private static boolean isCreditUnderHeadline(Element e) {
        Element before = e.previousElementSibling();
        if (before == null || e.text().length() > 40 || e.closest(FIGURE_OR_TABLE) != null) {
            return false;
        }
        return before.normalName().equals("h1")
                || before.normalName().equals("hgroup") && before.lastElementChild() != null
                && before.lastElementChild().normalName().equals("h1");
    }

    /** The first figure, preferring one inside {@code <article>} or {@code <main>}. */
    Element firstFigure() {
        for (Element f : figures) {
            if (f.closest(ARTICLE_OR_MAIN) != null) {
                return f;
            }
        }
        return figures.isEmpty() ? null : figures.get(0);
    }
}
