package io.newsflow.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import io.newsflow.common.model.Article;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.extract.body.Body;
import io.newsflow.extract.body.Boilerplate;
import io.newsflow.extract.body.BodyExtractor;
import io.newsflow.extract.body.PageParagraphs;
import io.newsflow.extract.body.ScriptDataBody;
import io.newsflow.extract.charset.PageDecoder;
import io.newsflow.extract.html.HtmlPrepass;
import io.newsflow.extract.html.PreparedHtml;
import io.newsflow.extract.metadata.Dates;
import io.newsflow.extract.metadata.DeclaredSteps;
import io.newsflow.extract.metadata.LanguageGuess;
import io.newsflow.extract.metadata.Metadata;
import io.newsflow.extract.metadata.MetadataAndHeadline;
import io.newsflow.extract.metadata.MetadataExtractor;
import io.newsflow.extract.quality.ShingleMetric;

/**
 * Turns the bytes of a news page into an {@link Article}: a pure function of bytes, URL and content-type.
 *
 * <p>Layers: bytes → text ({@link PageDecoder}), text → lean HTML ({@link HtmlPrepass}: scripts, styles and comments
 * cut before the DOM is built), DOM → body ({@link BodyExtractor}) and metadata ({@link MetadataExtractor}). The
 * instance holds no state, so one can serve any number of threads.
 */
public final class Extractor {

    private static final Evaluator PASSWORD_INPUT = QueryParser.parse("input[type=password]");

    /** Pages larger than this are rejected rather than parsed: a stage has a small heap. */
    public static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;

    /** More start tags than any real article page has; past it the DOM would cost more than the page is worth. */
    public static final int MAX_START_TAGS = 250_000;

    /** Deeper container nesting than any real page; past it tree algorithms degrade. */
    public static final int MAX_NESTING = 4_000;

    /** Headline-sized link blocks from which a page without article markup reads as a front page or index. */
    static final int FRONT_PAGE_LINK_BLOCKS = 25;

    /** ... unless its body is longer than this: a long text with many links around it is still an article. */
    static final int FRONT_PAGE_MAX_BODY_CHARS = 800;

    /** Query parameters that tell where a visitor came from, not which page they asked for. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid",
            "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "ref", "ref_src", "source", "from", "amp", "output");

    /** A JSON-LD articleBody shorter than this is a teaser, not the story. */
    static final int DECLARED_BODY_MIN_CHARS = 400;

    /** How many times the best box's text a landing page's paragraphs hold, all told. */
    static final int LANDING_PAGE_TIMES = 3;

    /** A body shorter than this (non-space characters) is no article. */
    static final int MIN_BODY_CHARS = 120;

    /** ... unless the page declares itself an article: a short blog post or news item is still one. */
    static final int MIN_MARKED_BODY_CHARS = 50;

    /** Headline-sized link blocks from which a site's root page reads as its front page, ... */
    static final int ROOT_FRONT_PAGE_LINK_BLOCKS = 10;

    /** ... when it has less text than this of its own (a teaser, not the home page's own prose). */
    static final int ROOT_FRONT_PAGE_MAX_BODY_CHARS = 300;

    /**
     * Extracts the article of a page.
     *
     * @param page        the page bytes as fetched
     * @param url         the URL it was fetched from (absolute)
     * @param contentType the HTTP content-type header, or null
     * @throws NotAnArticleException when the page holds no article, or cannot be processed within the limits
     */
    public Article extract(byte[] page, String url, String contentType) throws NotAnArticleException {
        if (page == null || page.length == 0) {
            throw new NotAnArticleException(NotAnArticleException.Reason.EMPTY, "the page has no bytes");
        }
        if (page.length > MAX_PAGE_BYTES) {
            throw new NotAnArticleException(NotAnArticleException.Reason.TOO_LARGE,
                    "the page is " + page.length + " bytes, over the limit of " + MAX_PAGE_BYTES);
        }
        try {
            return extractChecked(page, url == null ? "" : url, contentType);
        } catch (NotAnArticleException e) {
            throw e;
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new NotAnArticleException(NotAnArticleException.Reason.TOO_COMPLEX,
                    "the page exhausted the extractor's resources: " + e);
        } catch (RuntimeException e) {
            // A bug must not take the stage down; the page goes to the dead letters with the cause.
            throw new NotAnArticleException(NotAnArticleException.Reason.TOO_COMPLEX,
                    "the page could not be processed: " + e);
        }
    }

    private Article extractChecked(byte[] page, String url, String contentType) throws NotAnArticleException {
        if (Binary.looksBinary(page)) {
            throw new NotAnArticleException(NotAnArticleException.Reason.BINARY, "the page is not text");
        }
        PageDecoder.Choice charset = PageDecoder.choose(page, contentType);
        PreparedHtml prepared = charset.sliceable() ? HtmlPrepass.prepare(page, charset.charset())
                : HtmlPrepass.prepare(PageDecoder.decode(page, contentType).text());
        if (prepared.startTags() > MAX_START_TAGS) {
            throw new NotAnArticleException(NotAnArticleException.Reason.TOO_COMPLEX,
                    "the page has " + prepared.startTags() + " elements, over the limit of " + MAX_START_TAGS);
        }
        if (prepared.maxNesting() > MAX_NESTING) {
            throw new NotAnArticleException(NotAnArticleException.Reason.TOO_COMPLEX,
                    "the page nests elements " + prepared.maxNesting() + " deep, over the limit of " + MAX_NESTING);
        }
        Document doc = Jsoup.parse(prepared.html(), url);
        MetadataAndHeadline read = MetadataExtractor.read(doc, prepared.jsonLd(), url);
        Metadata meta = read.metadata();
        // The title may take a declared form (soft hyphens, no quote marks): the headline is found by the words the
        // page shows; the body's lines may hold either form, so both are left out.
        Body body = BodyExtractor.extract(doc.body(), read.bodyHeadline()).without(meta.title())
                .without(meta.shownTitle()).upToFirst(Boilerplate::opensCommentThread, MIN_BODY_CHARS)
                .upToFirst(Boilerplate::opensPaywall, MIN_BODY_CHARS)
                .withoutAny(Boilerplate::isStrayLine).withoutLeading(line -> isMetadataLine(line, meta))
                .withoutTrailing(Boilerplate::isEndMatter).withoutClosingBlock(Boilerplate::opensContactBlock, 8);
        body = preferDeclaredBody(body, meta.jsonLdBody());
        if (body.chars() < MIN_BODY_CHARS) {
            // A page rendered by script may carry its story only in its data; read it only when the DOM had none.
            Body fromData = ScriptDataBody.of(PageDecoder.decode(page, contentType).text());
            if (fromData.chars() >= DECLARED_BODY_MIN_CHARS) {
                body = new Body(fromData.paragraphs(), fromData.chars(), body.linkBlocks());
            }
        }
        if (body.chars() < MIN_BODY_CHARS) {
            // A recipe or how-to template splits its content into boxes too small to score; its data holds it whole.
            Body declared = Body.of(DeclaredSteps.of(prepared.jsonLd()), body.linkBlocks());
            if (declared.chars() >= MIN_BODY_CHARS) {
                body = declared;
            }
        }
        // Asked once: only a short body needs it, and the landing-page reading cannot make a body shorter.
        boolean login = body.chars() < DECLARED_BODY_MIN_CHARS && doc.selectFirst(PASSWORD_INPUT) != null;
        if (body.chars() < DECLARED_BODY_MIN_CHARS && !login
                && (body.chars() < MIN_BODY_CHARS || !underHeadline(body, read.bodyHeadline()))) {
            // A landing page spreads its prose over many small boxes, none of which scores as the article: the
            // best one holds a sliver of the page's paragraphs. A short story under its headline is no such box.
            Body paragraphs = PageParagraphs.of(doc.body(), body.linkBlocks());
            if (paragraphs.chars() >= DECLARED_BODY_MIN_CHARS
                    && paragraphs.chars() >= LANDING_PAGE_TIMES * body.chars()) {
                body = paragraphs;
            }
        }
        if (body.chars() < MIN_BODY_CHARS) {
            // A short post says it is one by its markup, or by its address: a blog names the post's page after
            // its title ("/2013/06/14/die-moglichkeit-nichts-zu-tun/" for "Die Möglichkeit nichts zu tun").
            boolean saysArticle = meta.markedArticle() || slugNamesTitle(url, meta.title());
            if (login || !saysArticle || body.chars() < MIN_MARKED_BODY_CHARS) {
                throw new NotAnArticleException(NotAnArticleException.Reason.NO_ARTICLE,
                        (login ? "a login wall: " : "") + "no article body, " + body.chars() + " characters of text");
            }
        }
        // The walk for <article>s is left to the pages that read as a front page, a few of them.
        if (!meta.markedArticle() && isFrontPage(url, body) && !inSoleArticle(doc, body)) {
            throw new NotAnArticleException(NotAnArticleException.Reason.NO_ARTICLE,
                    "a front page or index: " + body.linkBlocks() + " headline links, no article markup");
        }
        String text = body.text();
        String noise = TextPlausibility.problem(text);
        if (noise != null) {
            throw new NotAnArticleException(NotAnArticleException.Reason.NO_ARTICLE, "no readable text: " + noise);
        }
        String canonical = meta.canonicalUrl();
        String id = ArticleIds.orNull(canonical != null ? canonical : url);
        String title = meta.title();
        String language = meta.language() != null ? meta.language() : LanguageGuess.guess(text);
        return new Article(id == null ? url : id, url, canonical, title, meta.description(), meta.authors(),
                meta.published(), meta.modified(), meta.siteName(), meta.section(), meta.tags(), language,
                text, meta.leadImage(), ShingleMetric.tokenCount(text),
                sha256((title == null ? "" : title) + "\n\n" + text));
    }

    /**
     * Whether the page has one {@code <article>} and the body's first paragraph lies in it: the page's markup says it
     * holds one story, as declared metadata would (a front page marks each of its teasers, or none).
     */
    static boolean inSoleArticle(Document doc, Body body) {
        if (body.paragraphs().isEmpty()) {
            return false;
        }
        org.jsoup.select.Elements articles = doc.body().getElementsByTag("article");
        return articles.size() == 1 && articles.get(0).text().contains(body.paragraphs().get(0));
    }

    /** Whether the body's first paragraph lies in the box of the headline, or the box around that. */
    static boolean underHeadline(Body body, Element headline) {
        if (headline == null || body.paragraphs().isEmpty()) {
            return false;
        }
        String first = body.paragraphs().get(0);
        Element box = headline.parent();
        for (int level = 0; box != null && level < 2; level++, box = box.parent()) {
            if (box.text().contains(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a short line above the story is the page's metadata printed again: the section, a byline naming the
     * author, or a date.
     */
    static boolean isMetadataLine(String line, Metadata meta) {
        String l = line.strip();
        if (l.length() > 80) {
            return false;
        }
        if (l.equalsIgnoreCase(meta.section())) {
            return true;
        }
        for (String author : meta.authors()) {
            if (l.contains(author) && l.length() < author.length() + 25) {
                return true;
            }
        }
        return l.length() < 50 && Dates.fromText(l) != null;
    }

    /**
     * The JSON-LD {@code articleBody} when the page's visible body came out much shorter: the story is then usually
     * rendered by script or behind a wall, while the structured data carries it whole.
     */
    static Body preferDeclaredBody(Body body, String declared) {
        if (declared == null) {
            return body;
        }
        String text = org.jsoup.parser.Parser.unescapeEntities(declared, false);
        int chars = Body.nonSpaceChars(text);
        if (chars < DECLARED_BODY_MIN_CHARS || chars < body.chars() * 2) {
            return body;
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.split("\\s*\\n\\s*")) {
            String t = p.replaceAll("[\\s\u00A0]+", " ").strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        return new Body(paragraphs, chars, body.linkBlocks());
    }

    /**
     * Whether a page without article markup is a front page or an index: headline links around little text. A site's
     * root page needs fewer of them (its own prose — a company's, a person's, a notice — is its article; a teaser
     * among headlines is not); a page whose URL names one story (a slug of words) needs them with no text of its own.
     */
    static boolean isFrontPage(String url, Body body) {
        if (isSiteRoot(url)) {
            return body.linkBlocks() >= ROOT_FRONT_PAGE_LINK_BLOCKS && body.chars() < ROOT_FRONT_PAGE_MAX_BODY_CHARS
                    || body.linkBlocks() >= FRONT_PAGE_LINK_BLOCKS && body.chars() < FRONT_PAGE_MAX_BODY_CHARS;
        }
        int maxChars = namesOneStory(url) ? MIN_BODY_CHARS * 2 : FRONT_PAGE_MAX_BODY_CHARS;
        return body.linkBlocks() >= FRONT_PAGE_LINK_BLOCKS && body.chars() < maxChars;
    }

    /** Path segments under which a slug names a listing (a tag, a category, an author), not a story. */
    private static final Set<String> LISTING_SEGMENTS = Set.of("tag", "tags", "category",
            "categories", "topic", "topics", "thema", "themen", "schlagwort", "schlagworte", "author", "autor", "page",
            "archive", "archiv", "section", "rubrik", "label", "search", "suche");

    /** Path segments under which a CMS serves one story by its id. */
    private static final Set<String> STORY_ROUTES = Set.of("article", "articles", "story",
            "stories", "post", "posts");

    /** A story's id: five or more letters and digits with a digit among them (not a page number, not a year). */
    private static final Pattern STORY_ID = Pattern.compile(
            "(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{5,}");

    /**
     * Whether the URL's last path segment is a slug of at least three words ({@code /2011/07/some-song-title.html},
     * {@code /story/a-b-c}) outside a listing path, or a story's id under a story route ({@code /article/1011185}):
     * CMSs name a story's page after its headline or its id, an index after a section.
     */
    static boolean namesOneStory(String url) {
        List<String> segments = storyPath(url);
        if (segments.isEmpty()) {
            return false;
        }
        int last = segments.size() - 1;
        String slug = segments.get(last).replaceFirst("\\.[A-Za-z]{2,5}$", "");
        if (last > 0 && STORY_ROUTES.contains(segments.get(last - 1).toLowerCase(Locale.ROOT))
                && STORY_ID.matcher(slug).matches()) {
            return true; // a CMS's story route and the story's id: /article/1011185, /articles/AST1F44.html
        }
        int words = 0;
        for (String w : slug.split("[-_]+")) {
            if (!w.isEmpty() && w.chars().anyMatch(Character::isLetter)) {
                words++;
            }
        }
        return words >= 3;
    }

    /**
     * The URL's path segments up to its last non-empty one; none when it has no path, cannot be read, or lies under a
     * listing path ({@code /tag/…}, {@code /category/…}), whose last segment names a listing, not a story.
     */
    private static List<String> storyPath(String url) {
        String path;
        try {
            path = java.net.URI.create(url.strip()).getPath();
        } catch (RuntimeException e) {
            return List.of();
        }
        if (path == null) {
            return List.of();
        }
        String[] segments = path.split("/");
        int last = segments.length - 1;
        while (last >= 0 && segments[last].isEmpty()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            if (LISTING_SEGMENTS.contains(segments[i].toLowerCase(Locale.ROOT))) {
                return List.of();
            }
        }
        return last < 0 ? List.of() : List.of(segments).subList(0, last + 1);
    }

    /**
     * Whether the URL's last path segment spells the page's title: two or more of its words, and two thirds of them,
     * are the title's, read as a CMS writes them into a slug (accents dropped, "ä" as "a", "ae" or left out), outside
     * a listing path (a tag page's slug spells the tag).
     */
    static boolean slugNamesTitle(String url, String title) {
        List<String> segments = storyPath(url);
        if (title == null || title.isBlank() || segments.isEmpty()) {
            return false;
        }
        Set<String> titleWords = new java.util.HashSet<>();
        String lower = title.toLowerCase(Locale.ROOT);
        String unaccented = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String transliterated = lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String asciiOnly = lower.replaceAll("[^\\x00-\\x7F]+", "");
        for (String form : new String[] {unaccented, transliterated, asciiOnly}) {
            for (String w : form.split("[^a-z0-9]+")) {
                if (!w.isEmpty()) {
                    titleWords.add(w);
                }
            }
        }
        String slug = segments.get(segments.size() - 1).replaceFirst("\\.[A-Za-z]{2,5}$", "")
                .toLowerCase(Locale.ROOT);
        int words = 0;
        int named = 0;
        for (String w : slug.split("[-_]+")) {
            if (w.isEmpty() || w.chars().noneMatch(Character::isLetter)) {
                continue;
            }
            words++;
            if (titleWords.contains(w)) {
                named++;
            }
        }
        return named >= 2 && named * 3 >= words * 2;
    }

    /**
     * Whether a URL is a site's home page: no path beyond "/" or an index file, and no query naming a page
     * ({@code /?p=31228} is a WordPress post; tracking parameters such as {@code utm_source} name none).
     */
    static boolean isSiteRoot(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            String path = uri.getPath();
            boolean rootPath = path == null || path.isEmpty() || path.equals("/") || path.matches("/index\\.\\w+");
            return rootPath && (uri.getRawQuery() == null || onlyTracking(uri.getRawQuery()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean onlyTracking(String query) {
        for (String parameter : query.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                return false;
            }
        }
        return true;
    }

    static String sha256(String text) {
        // digest() resets the instance for the next page.
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One SHA-256 digest per thread: looking the algorithm up among the providers cost as much as hashing a page. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
