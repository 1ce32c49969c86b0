package io.newsflow.extract.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.common.model.LeadImage;
import io.newsflow.extract.html.Ancestry;

/**
 * Reads an article's metadata from the sources a page offers, strongest first: JSON-LD, OpenGraph and
 * {@code article:*} meta tags, other meta names, microdata, {@code <time>}, the URL, then visible text.
 */
public final class MetadataExtractor {

    /** A label announcing the author, in the languages of the sets: "Written by", "Verfasst von", "Escrito por". */
    private static final Pattern WRITTEN_BY = Pattern.compile("^\\s*(?:written|verfasst|geschrieben|escrito|[ée]crit|"
            + "scritto|geschreven|napisane|skrevet|author|autor|auteur|autore)\\b", Pattern.CASE_INSENSITIVE);
    /** The capitalised words a bio starts with: the writer's full name. */
    private static final Pattern BIO_NAME = Pattern.compile("\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2}(?=[\\s,.;:–-]|$)");
    /**
     * A separator between a title's parts: a bar, dash, colon … between spaces; in Chinese, Japanese and Korean
     * titles, which put no spaces around it, a hyphen or bar glued between two of their characters ("标题-新华网").
     */
    private static final String SEPARATOR_MARKS = "[|\\-–—:·•»/]{1,2}";
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+" + SEPARATOR_MARKS + "\\s+"
            + "|(?<=[\\p{IsHan}\\p{IsHangul}\\p{IsHiragana}\\p{IsKatakana}！？。」』])[-|ㅣ_](?=[\\p{IsHan}\\p{IsHangul}"
            + "\\p{IsHiragana}\\p{IsKatakana}])");
    private static final Pattern CREDIT_IN_TEXT = Pattern.compile(
            "\\(?\\s*(?:фото|photo|foto|bild|image|credit|crédit|quelle|source|источник)\\s*:\\s*([^)]+)\\)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private MetadataExtractor() {
    }

    /** Extracts the metadata of a parsed page; {@code jsonLd} are its JSON-LD blocks as the prepass kept them. */
    public static Metadata extract(Document doc, List<String> jsonLd, String url) {
        return read(doc, jsonLd, url).metadata();
    }

    /**
     * The metadata of a parsed page, as {@link #extract}, with the body's headline element: found among the
     * {@code <h1>}s the metadata is read from, since a search of the body for it would walk the whole page again.
     */
    public static MetadataAndHeadline read(Document doc, List<String> jsonLd, String url) {
        PageIndex index = PageIndex.of(doc);
        Meta meta = Meta.of(index);
        List<JsonNode> objects = JsonLd.objects(jsonLd);
        JsonNode article = null;
        JsonNode webPage = null;
        JsonNode organization = null;
        for (JsonNode o : objects) {
            if (article == null && JsonLd.isArticle(o)) {
                article = o;
            } else if (webPage == null && JsonLd.hasType(o, "WebPage")) {
                webPage = o;
            } else if (organization == null && (JsonLd.hasType(o, "Organization")
                    || JsonLd.hasType(o, "NewsMediaOrganization") || JsonLd.hasType(o, "WebSite"))) {
                organization = o;
            }
        }
        Microdata micro = Microdata.of(index.itemprops);

        JsonNode publisher = publisher(article, objects);
        String publisherName = publisherName(publisher);
        String siteName = first(meta.get("og:site_name"), publisherName,
                JsonLd.text(organization, "name"), meta.get("application-name"), micro.publisher);
        String pageTitle = pageTitle(doc);
        Element h1Element = shownHeadline(index, url, first(meta.get("og:title"), pageTitle));
        boolean logo = h1Element != null && Headline.isSiteLogo(h1Element, url);
        String h1 = logo ? null : firstH1(h1Element);
        String titleSite = siteName == null && logo ? h1Element.text() : siteName;
        String jsonLdHeadline = JsonLd.text(article, "headline");
        // A page's only <h1> is the headline its readers see; without a JSON-LD headline or og:type article (a news
        // CMS, whose og:title is the edited headline) the declared titles are an SEO plugin's rewrite of it.
        String title = h1 != null && jsonLdHeadline == null && index.h1s.size() == 1
                && !"article".equalsIgnoreCase(meta.get("og:type")) ? h1
                : title(h1, titleSite, jsonLdHeadline, meta.get("headline"), meta.get("og:title"),
                meta.get("twitter:title"), micro.headline, pageTitle, JsonLd.text(article, "name"));
        // A declared title made by a template ("Headline | Site") is the page's SEO title; the page's only <h1> is
        // the headline as written, also when the two words differ. Not when the <h1> opens with an element of its
        // own before that title (a kicker box), nor when the title is the <h1> after a "Kicker:".
        if (h1 != null && title != null && index.h1s.size() == 1 && !h1.strip().equals(title) && !opensWithMark(h1)
                && (templated(first(jsonLdHeadline, meta.get("og:title"), meta.get("twitter:title"), micro.headline,
                pageTitle), titleSite) || jsonLdHeadline == null && templated(pageTitle, titleSite)
                && !isPartOf(h1, pageTitle) && !namesTheSite(h1, titleSite))
                && !Headline.opensWithBox(h1Element, title)
                && !(title.endsWith(h1.strip()) && title.substring(0, title.length() - h1.strip().length())
                .strip().endsWith(":"))) {
            title = h1.strip();
        }
        // An <h1> that ends a breadcrumb trail is the CMS's SEO headline; the story is headed by the <h2> after it,
        // and a declared title that says the same confirms which one.
        // Not when the trail's <h1> is that heading with its kicker ("Kicker: Headline"): then it is the headline whole.
        // Not when the publisher's JSON-LD headline and og:title both state the trail's <h1>: then the <h2> is a
        // teaser line written for one channel (twitter:title), not the headline.
        if (h1 != null && Headline.isBreadcrumbItem(h1Element)
                && !(states(jsonLdHeadline, h1, titleSite) && states(meta.get("og:title"), h1, titleSite))) {
            String shown = shownHeading(index.h2sAfter(h1Element), titleSite, jsonLdHeadline, meta.get("og:title"),
                    meta.get("twitter:title"), pageTitle);
            if (shown != null && !wordsKey(h1).equals(wordsKey(headingWhole(index.h2sAfter(h1Element), shown)))) {
                title = shown;
            }
        }
        if (h1 == null && jsonLdHeadline == null) {
            String h2 = h2Headline(index.h2s, meta.get("og:title"), meta.get("twitter:title"), pageTitle);
            // Soft hyphens the declared title keeps are the same headline; the <h2>'s text has dropped them.
            if (h2 != null && (title == null || !h2.equals(title.replaceAll("[\u00AD\u200B]", "")))) {
                title = h2;
            }
        }
        String shownTitle = title;
        title = withSoftHyphens(title, titleSite, jsonLdHeadline, meta.get("og:title"), meta.get("twitter:title"),
                pageTitle);
        title = withoutQuoteMarks(title, titleSite, jsonLdHeadline, meta.get("og:title"));
        String description = first(meta.get("og:description"), meta.get("description"),
                JsonLd.text(article, "description"), meta.get("twitter:description"), micro.description);

        List<String> siteNames = new ArrayList<>();
        // A publisher typed Person as well (Yoast's ["Person", "Organization"] for a personal site) is a person who
        // may write the post, not a site whose name stands in for a writer.
        for (String n : new String[] {meta.get("og:site_name"),
                isPerson(publisher) ? null : publisherName,
                isPerson(organization) ? null : JsonLd.text(organization, "name"),
                meta.get("application-name"), micro.publisher}) {
            if (n != null && !n.isBlank()) {
                siteNames.add(n);
            }
        }
        List<String> authors = authors(article != null ? article : signedWork(objects), objects, meta, micro, index,
                siteNames, host(url));

        String published = firstDate(JsonLd.text(article, "datePublished"), meta.get("article:published_time"),
                meta.get("og:published_time"), micro.datePublished, meta.get("datepublished"),
                meta.get("pubdate"), meta.get("publishdate"), meta.get("publish-date"), meta.get("publish_date"),
                meta.get("article.published"), meta.get("parsely-pub-date"), meta.get("sailthru.date"),
                meta.get("dc.date.issued"), meta.get("dcterms.issued"), meta.get("dc.date"),
                meta.get("dcterms.created"), meta.get("date"), meta.get("article:published"),
                meta.get("cxenseparse:recs:publishtime"), JsonLd.text(webPage, "datePublished"));
        if (published == null) {
            Element time = index.firstTime;
            published = time == null ? null : Dates.normalize(time.attr("datetime"));
            if (published != null && !nearUrlDate(published, url)) {
                // The first <time> of a page that declares no date may be a related post's; the day its address
                // files it under is the post's own.
                published = null;
            }
        }
        boolean declared = published != null;
        if (published == null && doc.body() != null) {
            // A date in the URL is only a day; one written near the headline usually adds the time.
            String fromUrl = Dates.fromUrl(url);
            if (fromUrl == null) {
                fromUrl = Dates.fromUrl(absolute(index.canonical, "href"));
            }
            // The text as the page shows it: Element.text() runs a date into the next element's ("30.01.202430.").
            TextHead head = TextHead.of(doc.body(), logo ? null : h1Element, TextHead.LIMIT);
            String fromText = Dates.fromText(head.text());
            published = fromUrl == null ? fromText
                    : fromText != null && fromText.startsWith(fromUrl) ? fromText : fromUrl;
            if (published == null && h1Element != null && !logo) {
                // Only a numeric day may be written under the headline, "2025.05.15" or "03/05/2022" (read in the
                // page's order).
                int after = head.afterHeadline();
                if (after >= 0) {
                    String under = head.text().substring(after, Math.min(head.text().length(), after + 600));
                    published = Dates.numericDay(under, htmlLang(doc));
                }
            }
        }
        java.time.ZoneId zone = pageZone(url, doc);
        if (zone == null && index.firstTime != null) {
            // A page of no known country may still show the declared instant in its own time.
            zone = Dates.offsetShown(published, index.firstTime.attr("datetime"));
        }
        published = Dates.inZone(published, zone);
        String modified = firstDate(JsonLd.text(article, "dateModified"), meta.get("article:modified_time"),
                meta.get("og:updated_time"), micro.dateModified, meta.get("datemodified"),
                meta.get("dcterms.modified"), meta.get("last-modified"), meta.get("article:modified"),
                JsonLd.text(webPage, "dateModified"));
        if (declared) {
            boolean liveBlog = index.liveBlogItemtype || objects.stream().anyMatch(
                    o -> JsonLd.hasType(o, "LiveBlogPosting"));
            published = ShownDate.published(published, Dates.inZone(modified, zone),
                    TextHead.of(doc.body(), logo ? null : h1Element, TextHead.LIMIT), liveBlog,
                    ShownDate.WINDOW_DAYS);
        }

        String section = first(meta.get("article:section"), JsonLd.text(article, "articleSection"),
                micro.section, meta.get("section"), meta.get("parsely-section"), meta.get("article.section"));

        List<String> tags = tags(index, meta, article, micro);

        String language = language(doc, meta, article);

        String canonical = absolute(index.canonical, "href");
        if (canonical == null) {
            canonical = meta.get("og:url");
        }
        LeadImage image = leadImage(index, meta, article, objects, micro);
        String body = JsonLd.text(article, "articleBody");
        boolean marked = article != null || "article".equalsIgnoreCase(meta.get("og:type"))
                || meta.get("article:published_time") != null || micro.datePublished != null
                || index.articleItemtype;
        Metadata metadata = new Metadata(canonical, title, description, authors, published, modified, siteName,
                section, tags, language, image, body, marked, shownTitle);
        Element bodyHeadline = Headline.showing(index.h1s, doc.body(), shownTitle);
        if (bodyHeadline == null && !logo && h1 != null && Headline.rewords(h1, shownTitle)
                && Ancestry.isAncestorOrSelf(doc.body(), h1Element)) {
            bodyHeadline = h1Element;
        }
        return new MetadataAndHeadline(metadata, bodyHeadline);
    }

    /** Country → the zone most of its readers live in; only countries with one zone (or one dominant one). */
    private static final Map<String, String> COUNTRY_ZONES = Map.ofEntries(
            Map.entry("de", "Europe/Berlin"), Map.entry("at", "Europe/Vienna"), Map.entry("ch", "Europe/Zurich"),
            Map.entry("fr", "Europe/Paris"), Map.entry("es", "Europe/Madrid"), Map.entry("it", "Europe/Rome"),
            Map.entry("nl", "Europe/Amsterdam"), Map.entry("be", "Europe/Brussels"), Map.entry("lu", "Europe/Luxembourg"),
            Map.entry("pl", "Europe/Warsaw"), Map.entry("cz", "Europe/Prague"), Map.entry("sk", "Europe/Bratislava"),
            Map.entry("hu", "Europe/Budapest"), Map.entry("dk", "Europe/Copenhagen"), Map.entry("se", "Europe/Stockholm"),
            Map.entry("no", "Europe/Oslo"), Map.entry("fi", "Europe/Helsinki"), Map.entry("uk", "Europe/London"),
            Map.entry("gb", "Europe/London"), Map.entry("ie", "Europe/Dublin"), Map.entry("pt", "Europe/Lisbon"),
            Map.entry("gr", "Europe/Athens"), Map.entry("ro", "Europe/Bucharest"), Map.entry("lt", "Europe/Vilnius"),
            Map.entry("ua", "Europe/Kyiv"), Map.entry("tr", "Europe/Istanbul"), Map.entry("br", "America/Sao_Paulo"),
            Map.entry("ar", "America/Argentina/Buenos_Aires"), Map.entry("bo", "America/La_Paz"),
            Map.entry("cl", "America/Santiago"), Map.entry("co", "America/Bogota"), Map.entry("pe", "America/Lima"),
            Map.entry("uy", "America/Montevideo"), Map.entry("ve", "America/Caracas"), Map.entry("jp", "Asia/Tokyo"),
            Map.entry("kr", "Asia/Seoul"), Map.entry("cn", "Asia/Shanghai"), Map.entry("tw", "Asia/Taipei"),
            Map.entry("in", "Asia/Kolkata"), Map.entry("vn", "Asia/Ho_Chi_Minh"), Map.entry("il", "Asia/Jerusalem"),
            Map.entry("za", "Africa/Johannesburg"), Map.entry("nz", "Pacific/Auckland"));

    /** The zone of the page's country: its host's country-code domain, else the region of {@code <html lang>}. */
    static java.time.ZoneId pageZone(String url, Document doc) {
        String host = host(url);
        String country = null;
        if (host != null && host.lastIndexOf('.') > 0) {
            country = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        }
        if (country == null || !COUNTRY_ZONES.containsKey(country)) {
            String lang = htmlLang(doc);
            Matcher m = Pattern.compile("^[a-zA-Z]{2,3}[-_]([a-zA-Z]{2})$").matcher(lang.strip());
            country = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        }
        String zone = country == null ? null : COUNTRY_ZONES.get(country);
        return zone == null ? null : java.time.ZoneId.of(zone);
    }

    /** The {@code lang} attribute of the page's {@code <html>}, or "" when it has none. */
    private static String htmlLang(Document doc) {
        Element html = doc.selectFirst(HTML);
        return html == null ? "" : html.attr("lang");
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = Pattern.compile("^[a-z][a-z0-9+.-]*://([^/:?#]+)", Pattern.CASE_INSENSITIVE).matcher(url.strip());
        return m.find() ? m.group(1) : null;
    }

    /**
     * The {@code <h1>} that heads the story: the index's choice, unless it is the site's logo or hidden from readers
     * and another {@code <h1>} is neither (a template that puts its logo, or a screen reader's title, in an
     * {@code <h1>} above the story's own).
     */
    private static Element shownHeadline(PageIndex index, String url, String declared) {
        Element chosen = index.headline();
        if (chosen != null && index.h1s.size() > 1 && declared != null && !namedByTitle(chosen.text(), declared)) {
            // Skip links, a section's name, a sponsors' box: of several <h1>s the one after them that the page's
            // declared title opens or ends with ("Headline - Site", "Site - Section - Headline") heads the story.
            // Only after: an <h1> above the chosen one is the header's site title more often than the story's.
            for (Element h : index.h1s.subList(index.h1s.indexOf(chosen) + 1, index.h1s.size())) {
                if (namedByTitle(h.text(), declared) && shown(h, url)) {
                    return h;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        boolean logo = Headline.isSiteLogo(chosen, url);
        boolean hidden = Headline.isHidden(chosen);
        if (!logo && !hidden) {
            return chosen;
        }
        for (Element h : index.h1s) {
            if (h != chosen && shown(h, url) && !h.text().isBlank()) {
                return h;
            }
        }
        return hidden && !logo ? null : chosen;
    }

    /** Whether an {@code <h1>} is one readers see as a heading: neither the site's logo nor hidden. */
    private static boolean shown(Element h1, String url) {
        return !Headline.isSiteLogo(h1, url) && !Headline.isHidden(h1);
    }

    /**
     * Whether a declared title is this heading, opens with it before a separator ("Headline - Site") or ends with it
     * after one ("Site - Section - Headline").
     */
    private static boolean namedByTitle(String heading, String declared) {
        String h = norm(heading);
        String d = norm(declared);
        return h.length() >= 8 && (d.equals(h) || opensBeforeSeparator(d, h) || endsAfterSeparator(d, h));
    }

    /** Whether {@code title} is {@code part}, a separator and more (both normalised alike). */
    private static boolean opensBeforeSeparator(String title, String part) {
        return title.length() > part.length() && title.startsWith(part)
                && TITLE_SEPARATOR.matcher(title.substring(part.length())).lookingAt();
    }

    /** Whether {@code title} is more, a separator and {@code part} (both normalised alike). */
    private static boolean endsAfterSeparator(String title, String part) {
        return title.length() > part.length() && title.endsWith(part)
                && endsWithSeparator(title.substring(0, title.length() - part.length()));
    }

    /**
     * The page's {@code <title>}, also when the parser put it in the body: a page that opens with a server's warning
     * text, or a head with a stray element, starts the body before its {@code <title>}, and jsoup reads the title
     * only from the head.
     */
    static String pageTitle(Document doc) {
        String t = doc.title();
        if (!t.isEmpty()) {
            return t;
        }
        Element first = doc.selectFirst(TITLE_ELEMENT);
        return first == null ? "" : first.text().strip();
    }

    /** A {@code <title>} outside SVG, where it names a drawing, not the page. */
    private static final Evaluator TITLE_ELEMENT = QueryParser.parse("title:not(svg title)");

    private static boolean isPerson(JsonNode n) {
        return n != null && n.isObject() && JsonLd.hasType(n, "Person");
    }

    private static JsonNode publisher(JsonNode article, List<JsonNode> objects) {
        JsonNode p = article == null ? null : article.get("publisher");
        return p == null ? null : JsonLd.resolve(p.isArray() && p.size() > 0 ? p.get(0) : p, objects);
    }

    private static String publisherName(JsonNode p) {
        if (p == null) {
            return null;
        }
        String name = JsonLd.text(p, "name");
        return name != null ? name : p.isTextual() ? p.asText() : null;
    }

    /**
     * Days by which the first {@code <time>} may miss the date in the page's address and still be the post's: a story
     * updated within the month shows its update's day (the gold sets take it); a related post's day lies further off.
     */
    private static final int URL_DATE_SLACK_DAYS = 31;

    /** Whether a date lies within a month of the date the page's address is filed under, or the address has none. */
    private static boolean nearUrlDate(String date, String url) {
        java.time.LocalDate inUrl = ShownDate.day(Dates.fromUrl(url));
        java.time.LocalDate day = ShownDate.day(date);
        return inUrl == null || day == null
                || Math.abs(java.time.temporal.ChronoUnit.DAYS.between(inUrl, day)) <= URL_DATE_SLACK_DAYS;
    }

    private static String firstH1(Element h1) {
        if (h1 == null) {
            return null;
        }
        String t = Headline.text(h1);
        return t.isEmpty() ? null : t;
    }

    /** The headline: the {@code <h1>} when a declared title confirms it, else a declared title without its site. */
    static String title(String h1, String siteName, String... declared) {
        String h1n = h1 == null ? null : norm(h1);
        for (String d : declared) {
            if (d != null && h1n != null && !h1n.isEmpty()) {
                String dn = norm(d);
                if (dn.equals(h1n) || dn.startsWith(h1n) || h1n.startsWith(dn) && dn.length() > 20) {
                    return h1.strip();
                }
            }
        }
        // A headline the page states in JSON-LD is the publisher's own; other declared titles are often typed
        // by an SEO plugin with plain quotes and dashes, and then the <h1> is the headline as written.
        h1n = h1 == null || declared.length > 0 && declared[0] != null ? null : looseKey(h1);
        for (String d : declared) {
            if (d != null && h1n != null && !h1n.isEmpty()) {
                String dn = looseKey(d);
                // The <h1> as the reader sees it wins when a declared title is the same text, typed with other
                // quotes and dashes, or with the site name or a kicker before or after it ("Site | Headline",
                // "Site: Headline", its colon glued to the name).
                if (dn.equals(h1n) || dn.startsWith(h1n) || h1n.startsWith(dn) && dn.length() > 20
                        || h1n.length() > 20 && dn.endsWith(h1n) && (TITLE_SEPARATOR.matcher(d.strip()).find()
                        || dn.substring(0, dn.length() - h1n.length()).strip().endsWith(":"))) {
                    return h1.strip();
                }
            }
        }
        for (String d : declared) {
            if (d != null && !d.isBlank()) {
                String plain = unescape(d).strip();
                // The <h1> shows this title whole: a short last part after a dash is the headline's, no site's.
                return h1 != null && looseKey(plain).equals(looseKey(h1)) ? plain : stripSite(plain, siteName);
            }
        }
        return h1;
    }

    /**
     * On a page without an {@code <h1>} headline, the {@code <h2>} that a declared title confirms: the same words
     * (typography and case aside), the title's part before or after a separator ("Site | Headline"), or the whole
     * of which the title is the cut start.
     */
    static String h2Headline(List<Element> h2s, String... declared) {
        for (Element h2 : h2s) {
            String t = h2.text().strip();
            if (t.length() < 8 || t.length() > 200) {
                continue;
            }
            String k = looseKey(t);
            for (String d : declared) {
                if (d == null || d.isBlank()) {
                    continue;
                }
                String dk = looseKey(d);
                if (dk.equals(k) || dk.length() >= 20 && k.startsWith(dk)) {
                    return t;
                }
                if (opensBeforeSeparator(dk, k) || endsAfterSeparator(dk, k)) {
                    return t;
                }
                // "Headline (2021/5)": an issue, a year or a format in brackets after the heading's words.
                if (dk.length() > k.length() && dk.startsWith(k)
                        && BRACKET_TAIL.matcher(dk.substring(k.length())).matches()) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * Of the {@code <h2>}s after a breadcrumb's {@code <h1>}, the first whose own words (kicker aside) a declared
     * title states, whole, without the site's name, or after the kicker ("Kicker: Headline").
     */
    static String shownHeading(List<Element> h2s, String siteName, String... declared) {
        for (Element h2 : h2s.subList(0, Math.min(h2s.size(), 5))) {
            String own = Headline.text(h2);
            String whole = h2.text().strip();
            String afterBox = Headline.afterOpeningBox(h2);
            if (own.length() < 8) {
                continue;
            }
            for (String d : declared) {
                if (d == null || d.isBlank()) {
                    continue;
                }
                String dk = looseKey(d);
                String bare = looseKey(stripSite(unescape(d).strip(), siteName));
                if (dk.equals(looseKey(own)) || bare.equals(looseKey(own))) {
                    // The page's text has lost the soft hyphens a declared title still carries.
                    String plain = unescape(d).strip();
                    return plain.indexOf('\u00AD') >= 0 && plain.replace("\u00AD", "").equals(own) ? plain : own;
                }
                String box = afterBox == null ? null : whole.substring(0, whole.length() - afterBox.length()).strip();
                if (afterBox != null && (dk.equals(looseKey(afterBox)) || bare.equals(looseKey(afterBox))
                        || dk.equals(looseKey(box + ": " + afterBox)))) {
                    return afterBox;
                }
                if (dk.equals(looseKey(whole)) || bare.equals(looseKey(whole))) {
                    return whole;
                }
            }
        }
        return null;
    }

    /** Whether a declared title is this heading, with or without the site's name. */
    private static boolean states(String declared, String heading, String siteName) {
        return declared != null && !declared.isBlank() && (looseKey(declared).equals(looseKey(heading))
                || looseKey(stripSite(unescape(declared).strip(), siteName)).equals(looseKey(heading)));
    }

    /** The whole text (kicker and all) of the heading whose own words are {@code shown}. */
    private static String headingWhole(List<Element> h2s, String shown) {
        for (Element h2 : h2s) {
            String whole = h2.text().strip();
            if (whole.endsWith(shown) || whole.equals(shown)) {
                return whole;
            }
        }
        return shown;
    }

    /** Only the letters and digits of a text, case folded: the words, whatever punctuation joins them. */
    static String wordsKey(String s) {
        return looseKey(s).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static boolean endsWithSeparator(String s) {
        Matcher m = TITLE_SEPARATOR.matcher(s);
        while (m.find()) {
            if (m.end() == s.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The headline with the soft hyphens a declared title gives it: the page's text drops them, while the words as
     * the publisher set them ("Deutsch\u00ADland") keep them.
     */
    private static String withSoftHyphens(String title, String siteName, String... declared) {
        if (title == null || title.indexOf('\u00AD') >= 0) {
            return title;
        }
        for (String d : declared) {
            if (d != null && d.indexOf('\u00AD') >= 0) {
                String bare = stripSite(unescape(d).strip(), siteName);
                if (norm(bare.replace("\u00AD", "")).equals(norm(title))) {
                    return bare;
                }
            }
        }
        return title;
    }

    private static final Pattern QUOTE_MARKS = Pattern.compile("[\"\u201C\u201D\u201E\u00AB\u00BB]");

    /** The headline as a declared title states it without the quote marks the shown one sets around a quote. */
    private static String withoutQuoteMarks(String title, String siteName, String... declared) {
        if (title == null || !QUOTE_MARKS.matcher(title).find()) {
            return title;
        }
        String unquoted = norm(QUOTE_MARKS.matcher(title).replaceAll(""));
        for (String d : declared) {
            if (d != null && !d.isBlank()) {
                String bare = stripSite(unescape(d).strip(), siteName);
                if (!QUOTE_MARKS.matcher(bare).find() && norm(bare).equals(unquoted)) {
                    return bare;
                }
            }
        }
        return title;
    }

    /** Whether a heading is the site's name or a part of it (a logo in an {@code <h1>}: "WordPress.com"). */
    private static boolean namesTheSite(String heading, String siteName) {
        return siteName != null && !norm(heading).isEmpty() && norm(siteName).contains(norm(heading));
    }

    /** Whether a heading is one of a title's parts between separators (the site's or a section's name). */
    private static boolean isPartOf(String heading, String title) {
        String h = looseKey(heading);
        for (String part : TITLE_SEPARATOR.split(unescape(title).strip())) {
            if (looseKey(part).equals(h)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a heading's own words open with a separator's mark (": Headline"): its kicker was set apart. */
    private static boolean opensWithMark(String heading) {
        return OPENING_MARK.matcher(heading).find();
    }

    private static final Pattern OPENING_MARK = Pattern.compile("^\\s*" + SEPARATOR_MARKS);

    /** Whether a title is made by a template: a part names the site, or a short last part reads like one. */
    private static boolean templated(String title, String siteName) {
        if (title == null) {
            return false;
        }
        String plain = unescape(title).strip();
        if (namesSite(plain, siteName)) {
            return true;
        }
        String bare = stripSite(plain, siteName);
        // A number after the last separator ("… • 1619") is an issue or a count, no site.
        return !bare.equals(plain) && plain.substring(bare.length()).codePoints().anyMatch(Character::isLetter);
    }

    /** Whether a title has a part, cut off by a separator, that names the site ("Headline | Site"). */
    static boolean namesSite(String title, String siteName) {
        if (title == null || siteName == null || norm(siteName).isEmpty()) {
            return false;
        }
        String[] parts = TITLE_SEPARATOR.split(title.strip());
        String site = norm(siteName);
        for (int i = 0; i < parts.length && parts.length > 1; i++) {
            String n = norm(parts[i]);
            if ((i == 0 || i == parts.length - 1) && (n.equals(site) || site.contains(n) && !n.isEmpty()
                    || n.contains(site) && n.length() < site.length() + 6)) {
                return true;
            }
        }
        return false;
    }

    /** A declared title escaped twice by its CMS ("&amp;#8211;" arrives as "&#8211;") reads as its characters. */
    private static String unescape(String s) {
        return s.indexOf('&') < 0 ? s : org.jsoup.parser.Parser.unescapeEntities(s, false);
    }

    /** Text compared without typography: entities, quote, apostrophe and dash forms, spaces and case folded. */
    static String looseKey(String s) {
        String t = java.text.Normalizer.normalize(unescape(s), java.text.Normalizer.Form.NFKC);
        t = t.replaceAll("[\u2018\u2019\u201A\u201B\u0060\u00B4]", "'")
                .replaceAll("[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A]", "\"")
                .replaceAll("[\u2010-\u2015\u2212]", "-")
                .replaceAll("[\u00AD\u200B]", "");
        return norm(t);
    }

    private static final Pattern BRACKET_TAIL = Pattern.compile("\\s+[(\\[][^()\\[\\]]{1,24}[)\\]]\\s*");

    /** "Headline | Site" → "Headline": the longest part, once a part naming the site is gone. */
    static String stripSite(String title, String siteName) {
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        String site = siteName == null ? "" : norm(siteName);
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            String n = norm(p);
            if (!site.isEmpty() && (n.equals(site) || site.contains(n) || n.contains(site) && n.length() < site.length() + 6)
                    || BARE_DOMAIN.matcher(n).matches()) {
                // A part that is the site's name or a bare domain ("example.de // Headline") names the site.
                continue;
            }
            kept.add(p);
        }
        if (kept.isEmpty()) {
            return title;
        }
        if (kept.size() == parts.length) {
            // No part is the site name. One long part among short ones ("Headline :: News :: Site") is the headline.
            String longest = "";
            boolean othersShort = true;
            for (String p : parts) {
                if (p.length() > longest.length()) {
                    longest = p;
                }
            }
            for (String p : parts) {
                if (p != longest && p.split("\\s+").length > 4) {
                    othersShort = false;
                }
            }
            if (othersShort && parts.length > 2 && longest.split("\\s+").length >= 4) {
                return longest.strip();
            }
            // Otherwise only cut a short last part (a site or section), keep the rest whole.
            String last = parts[parts.length - 1];
            if (last.split("\\s+").length <= 3 && title.length() - last.length() > 15) {
                int cut = title.lastIndexOf(last);
                Matcher m = TITLE_SEPARATOR.matcher(title);
                int sepStart = -1;
                while (m.find()) {
                    if (m.end() == cut) {
                        sepStart = m.start();
                    }
                }
                return sepStart > 0 && namesLikeASite(last, title.substring(sepStart, cut).strip())
                        ? title.substring(0, sepStart).strip() : title;
            }
            return title;
        }
        // Keep the text between the first and last kept part, with its separators.
        int from = title.indexOf(kept.get(0));
        String lastKept = kept.get(kept.size() - 1);
        int to = title.lastIndexOf(lastKept) + lastKept.length();
        String rest = from >= 0 && to > from ? title.substring(from, to).strip() : kept.get(0);
        // "example.de // » Headline": the first separator ended the site's part, the second is left before the rest.
        return EDGE_SEPARATOR.matcher(rest).replaceAll("");
    }

    /**
     * Whether a title's last part, after {@code separator}, reads like a site's or a section's name: not a question
     * or an exclamation, and not, after a dash, a lower-case word continuing the headline's sentence ("Headline -
     * and what it costs"); after a bar a lower-case part is a brand ("Headline | example magazin").
     */
    private static boolean namesLikeASite(String part, String separator) {
        String p = part.strip();
        if (p.isEmpty() || p.endsWith("?") || p.endsWith("!")) {
            return false;
        }
        boolean dash = separator.chars().allMatch(c -> c == '-' || c == '–' || c == '—');
        return !(dash && Character.isLowerCase(p.codePointAt(0)) && !BARE_DOMAIN.matcher(p).matches());
    }

    private static final Pattern BARE_DOMAIN = Pattern.compile("(?:www\\.)?[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.[a-z]{2,6}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGE_SEPARATOR = Pattern.compile("^" + SEPARATOR_MARKS + "\\s+|\\s+" + SEPARATOR_MARKS + "$");

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    /** The schema.org types of a signed piece that is not an article: a recipe, a how-to, a forum post. */
    private static final List<String> SIGNED_WORKS = List.of("Recipe", "HowTo", "DiscussionForumPosting");

    /**
     * The first recipe, how-to or forum post the JSON-LD describes: its author is the page's writer as an article's
     * is (a recipe site names the member who posted the recipe there, a forum the thread's opener). Read only when
     * no article is described, since a recipe inside an article is often someone else's.
     */
    private static JsonNode signedWork(List<JsonNode> objects) {
        for (JsonNode o : objects) {
            for (String type : SIGNED_WORKS) {
                if (JsonLd.hasType(o, type)) {
                    return o;
                }
            }
        }
        return null;
    }

    /**
     * The authors: the strongest source that names a person. A source that names only the publication (a JSON-LD
     * Organization, the site name, the host) gives way to a visible byline with a person, and is kept only when
     * no byline names one.
     */
    private static List<String> authors(JsonNode article, List<JsonNode> objects, Meta meta, Microdata micro,
            PageIndex index, List<String> siteNames, String host) {
        List<String> structured = new ArrayList<>();
        Set<String> orgs = new LinkedHashSet<>();
        List<String> bios = new ArrayList<>();
        if (article != null) {
            JsonNode a = article.get("author");
            if (a == null) {
                a = article.get("creator");
            }
            if (a != null) {
                for (JsonNode x : a.isArray() ? a : List.of(a)) {
                    JsonNode person = JsonLd.resolve(x, objects);
                    List<String> names = Bylines.names(JsonLd.asText(person.isObject() ? person.get("name") : person));
                    String bio = person.isObject() ? JsonLd.text(person, "description") : null;
                    if (bio != null) {
                        bios.add(bio);
                    }
                    // Yoast types a personal site's owner ["Person", "Organization"]: a person writes the post.
                    if (person.isObject() && !JsonLd.hasType(person, "Person") && (JsonLd.hasType(person, "Organization")
                            || JsonLd.hasType(person, "NewsMediaOrganization") || JsonLd.hasType(person, "Corporation"))) {
                        orgs.addAll(names);
                    }
                    structured.addAll(names);
                }
            }
        }
        if (structured.isEmpty()) {
            for (String a : micro.authors) {
                List<String> names = Bylines.names(a);
                if (micro.organisationAuthors.contains(a)) {
                    orgs.addAll(names);
                }
                structured.addAll(names);
            }
        }
        if (structured.isEmpty()) {
            for (String a : meta.all("article:author")) {
                if (!a.startsWith("http")) {
                    structured.addAll(Bylines.names(a));
                }
            }
        }
        if (!structured.isEmpty() && orgs.containsAll(structured)) {
            // Only an organisation named so far: a person the meta names stands before it.
            List<String> named = Bylines.names(first(meta.get("author"), meta.get("dc.creator"),
                    meta.get("dcterms.creator")));
            named.removeIf(n -> !Bylines.isPersonName(n) || Bylines.isSite(n, siteNames, host));
            if (!named.isEmpty()) {
                structured = named;
                orgs.clear();
            }
        }
        if (structured.isEmpty()) {
            // A page may carry the paper's meta author and the writer's, the writer's marked by a reporter's title.
            for (String a : meta.all("author")) {
                String reporter = Bylines.reporterName(a);
                if (reporter != null && structured.isEmpty()) {
                    structured.add(reporter);
                }
            }
        }
        boolean fromMeta = structured.isEmpty();
        if (structured.isEmpty()) {
            // Analytics and sharing plugins state the writer for their own use (Parse.ly, Sailthru, cXense,
            // Shareaholic's share widget).
            String named = first(meta.get("author"), meta.get("byl"), meta.get("sailthru.author"),
                    meta.get("parsely-author"), meta.get("cxenseparse:author"), meta.get("dc.creator"),
                    meta.get("dcterms.creator"), meta.get("shareaholic:article_author_name"));
            structured.addAll(Bylines.names(named));
            List<String> metaAuthors = meta.all("author");
            if (named != null && named.equals(meta.get("author")) && metaAuthors.size() > 1) {
                // One meta author tag per writer: the others are co-writers when each is a full personal name.
                List<String> all = new ArrayList<>();
                for (String a : metaAuthors) {
                    all.addAll(Bylines.names(a));
                }
                if (all.stream().allMatch(Bylines::isPersonName)) {
                    structured = new ArrayList<>(new LinkedHashSet<>(all));
                }
            }
            if (named != null && (Bylines.isSiteName(named, siteNames) || ownsTheCopyright(named, meta))) {
                // "Jobs & Hire": the site's name as a whole, though its parts split like two names. The publishing
                // house the copyright names ("Copyright (c) Condé Nast 2023") is no writer either.
                orgs.addAll(structured);
            } else if (!structured.isEmpty() && Bylines.isSite(structured.get(0), siteNames, host)
                    && structured.stream().noneMatch(Bylines::isPersonName)) {
                // "hessenschau.de, Frankfurt, Germany": the site with its address, no writer; the address is no name.
                structured = new ArrayList<>(structured.subList(0, 1));
                orgs.addAll(structured);
            }
        }
        if (structured.isEmpty()) {
            // An SEO plugin's reading aid for link previews, "Written by" / "Verfasst von" and the name.
            for (int i = 1; i <= 4 && structured.isEmpty(); i++) {
                String label = meta.get("twitter:label" + i);
                if (label != null && WRITTEN_BY.matcher(label).find()) {
                    structured.addAll(Bylines.names(meta.get("twitter:data" + i)));
                }
            }
        }
        for (String n : structured) {
            // A meta author "Hanns-Seidel-Stiftung e.V." is the publisher by its legal form, as an Organization is.
            if (Bylines.isOrganisation(n)) {
                orgs.add(n);
            }
        }
        List<String> people = people(structured, orgs, siteNames, host);
        if (!people.isEmpty() && fromMeta) {
            List<String> shown = shownWriters(index, people);
            if (shown.isEmpty()) {
                shown = coWriters(index, people, siteNames, host);
            }
            if (!shown.isEmpty()) {
                return shown;
            }
        }
        if (!people.isEmpty()) {
            return fullNames(people, meta, index, bios);
        }
        List<String> fallback = new ArrayList<>(new LinkedHashSet<>(structured));
        List<Element> bylines = index.bylinesFromHeadline();
        if (!index.authorLinks.isEmpty() || !index.signOffs.isEmpty() || !index.sourceLines.isEmpty()) {
            bylines = new ArrayList<>(bylines);
            bylines.addAll(index.authorLinks);
            // A bold name alone under the story, read last: no label or markup says it is the writer.
            bylines.addAll(index.signOffs);
            // The credited source last of all: the story's supplier, when nothing names its writer.
            bylines.addAll(index.sourceLines);
        }
        for (Element byline : bylines) {
            if (byline.text().length() > 80 || byline.closest(COMMENTS) != null) {
                continue;
            }
            List<String> names = bylineNames(byline);
            List<String> found = people(names, Set.of(), siteNames, host);
            if (!fallback.isEmpty()) {
                // Beside the site, only a byline with a person counts; an acronym beside the person ("…, NDR") is
                // the broadcaster or agency that made the piece with them, and stays.
                boolean person = found.stream().anyMatch(Bylines::isPersonName);
                found.removeIf(n -> !Bylines.isPersonName(n) && !(person && Bylines.isAcronym(n))
                        && !Bylines.isSignedForSite(n, siteNames, host));
            }
            if (!found.isEmpty()) {
                return found;
            }
            if (fallback.isEmpty()) {
                fallback.addAll(new LinkedHashSet<>(names));
            }
        }
        if (fallback.isEmpty()) {
            fallback.addAll(postAuthorsCommentName(index.postAuthorComments));
        }
        if (fallback.isEmpty() && index.datelineAgency != null) {
            // A wire story a site runs as it came: its dateline's agency is all that names a source.
            fallback.add(index.datelineAgency);
        }
        if (fallback.isEmpty() && !index.contactNames.isEmpty()) {
            // A press release's contact person, when nothing at all names a writer or a publisher.
            fallback.addAll(Bylines.names(index.contactNames.get(0).text()));
        }
        return fallback;
    }

    /** Whether the page's copyright notice ({@code <meta name="copyright">}, {@code dc.rights}) names {@code name}. */
    private static boolean ownsTheCopyright(String name, Meta meta) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.length() < 3) {
            return false;
        }
        for (String key : new String[] {"copyright", "dc.rights", "dcterms.rights", "rights"}) {
            for (String notice : meta.all(key)) {
                if (notice.toLowerCase(Locale.ROOT).contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The name a comment of the post's own author is signed with, when nothing else names the writer: a blog or a
     * deals site whose template prints no byline still marks its author's replies. The name is the account's, so it
     * stands even when the blog is named after it.
     */
    private static List<String> postAuthorsCommentName(List<Element> comments) {
        for (Element comment : comments) {
            // The comment's own signature comes before its replies, which are nested inside it: only the first
            // signature is read ("admin" there is no name, and the name below it a reply's).
            for (Element e : comment.getAllElements()) {
                String cls = e.className().toLowerCase(Locale.ROOT);
                if (e != comment && (cls.contains("author") || cls.equals("fn") || e.normalName().equals("cite"))
                        && e.text().length() <= 80) {
                    List<String> names = Bylines.names(e.text());
                    if (names.size() == 1) {
                        return names;
                    }
                    break;
                }
            }
        }
        return List.of();
    }

    /**
     * The writers a byline after the headline shows ("Von Jane Doe") when they are others than the meta author names:
     * a CMS fills the meta author with the account that posted the story, and the byline names who wrote it. Only
     * full personal names, and only when none of them is the meta's person.
     */
    private static List<String> shownWriters(PageIndex index, List<String> metaPeople) {
        for (Element byline : index.shownBylinesAfterHeadline()) {
            if (byline.closest(COMMENTS) != null) {
                continue;
            }
            List<String> names = Bylines.names(Bylines.text(byline));
            if (names.isEmpty() || !names.stream().allMatch(Bylines::isPersonName)) {
                continue;
            }
            for (String n : names) {
                for (String m : metaPeople) {
                    if (samePerson(n, m)) {
                        return List.of();
                    }
                }
            }
            return names;
        }
        return List.of();
    }

    /**
     * Whether a byline's name and a meta author's are one person: the same name, or one the login or the first name of
     * the other.
     */
    private static boolean samePerson(String shown, String meta) {
        return shown.equalsIgnoreCase(meta) || Bylines.sameAuthor(meta, shown) || Bylines.sameAuthor(shown, meta);
    }

    /**
     * All the writers of the first byline after the headline that names the meta authors, when it names more: a CMS
     * with one author field states the first of them ("Jane Doe" in the meta, "von Jane Doe, John Roe" shown). Only
     * full personal names; the site's own name beside them is left out.
     */
    private static List<String> coWriters(PageIndex index, List<String> metaPeople, List<String> siteNames,
            String host) {
        if (index.headline() == null) {
            return List.of();
        }
        for (Element byline : index.bylinesFromHeadline()) {
            if (byline.text().length() > 80 || byline.closest(COMMENTS) != null) {
                continue;
            }
            List<String> names = people(Bylines.names(Bylines.text(byline)), Set.of(), siteNames, host);
            int shared = 0;
            for (String m : metaPeople) {
                if (names.stream().anyMatch(n -> samePerson(n, m))) {
                    shared++;
                }
            }
            if (shared == 0) {
                continue;
            }
            return shared == metaPeople.size() && names.size() > shared
                    && names.stream().allMatch(Bylines::isPersonName) ? names : List.of();
        }
        return List.of();
    }

    /**
     * The names in a byline element. When the names stand side by side in elements of their own with only white
     * space between ({@code <span>Jane Doe</span> <span>John Roe</span>}), each one is read, if every one is a full
     * personal name: the text as a whole runs them together into one ("Jane Doe John Roe").
     */
    private static List<String> bylineNames(Element byline) {
        List<String> row = rowOfFullNames(byline);
        if (row != null) {
            return row;
        }
        List<String> names = Bylines.names(Bylines.text(byline));
        return names.size() == 1 ? withLikeBylinesAfter(byline, names) : names;
    }

    /**
     * The full personal names of a byline's like child elements, one each, when it holds two or more and no text of
     * its own (through wrappers that hold all of its text); else null.
     */
    private static List<String> rowOfFullNames(Element byline) {
        Element e = byline;
        while (e.childrenSize() == 1 && e.child(0).text().length() == e.text().length()) {
            e = e.child(0);
        }
        if (e.childrenSize() < 2 || !e.ownText().isBlank()) {
            return null;
        }
        // Only a row of like elements that each hold one full name: a row of buttons and links is no byline.
        List<String> out = new ArrayList<>();
        String tag = e.child(0).normalName();
        for (Element child : e.children()) {
            String one = soleFullName(child.text());
            if (!child.normalName().equals(tag) || one == null) {
                return null;
            }
            out.add(one);
        }
        return out;
    }

    /** The one full personal name a byline's text names, or null when it names none or several. */
    private static String soleFullName(String text) {
        List<String> names = Bylines.names(text);
        return names.size() == 1 && Bylines.isPersonName(names.get(0)) ? names.get(0) : null;
    }

    /**
     * The one writer a byline names, and those of the like bylines after it: a template that gives each writer a box
     * of their own ({@code <div class="author">}, twice or more, each with a name and maybe a title) sets them side
     * by side. Each must be the same element with the same classes and name one full personal name.
     */
    private static List<String> withLikeBylinesAfter(Element byline, List<String> names) {
        if (byline.className().isEmpty() || !Bylines.isPersonName(names.get(0))) {
            return names;
        }
        List<String> out = new ArrayList<>(names);
        for (Element next = byline.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            String one = next.normalName().equals(byline.normalName()) && next.className().equals(byline.className())
                    ? soleFullName(Bylines.text(next)) : null;
            if (one == null) {
                break;
            }
            if (!out.contains(one)) {
                out.add(one);
            }
        }
        return out;
    }

    /**
     * A one-word author ("Nils", a login like "edilson.la.rosa") replaced by the full name another source on the
     * page gives for the same person: the meta author or a visible byline.
     */
    private static List<String> fullNames(List<String> names, Meta meta, PageIndex index, List<String> bios) {
        List<String> candidates = null;
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String better = null;
            if (n.indexOf(' ') < 0) {
                if (candidates == null) {
                    candidates = new ArrayList<>(Bylines.names(meta.get("author")));
                    for (String bio : bios) {
                        // A writer's bio opens with the full name: "Stefanus Beispiel - Maschinenbauer, ...".
                        Matcher m = BIO_NAME.matcher(bio.strip());
                        if (m.lookingAt()) {
                            candidates.add(m.group());
                        }
                    }
                    for (Element byline : index.bylines) {
                        if (byline.text().length() <= 80
                                && byline.closest(COMMENTS) == null) {
                            candidates.addAll(Bylines.names(byline.text()));
                        }
                    }
                }
                for (String c : candidates) {
                    if (Bylines.isPersonName(c) && Bylines.sameAuthor(n, c)) {
                        better = c;
                        break;
                    }
                }
                if (better == null && index.doc.body() != null) {
                    // The whole text only for a name split like a login: it is the page's costliest string.
                    better = Bylines.loginSpelledOut(n, () -> index.doc.body().text());
                }
            }
            if (!out.contains(better != null ? better : n)) {
                out.add(better != null ? better : n);
            }
        }
        return out;
    }

    /**
     * The names that are not the publication; the site's own name is dropped beside a person's ("X; CNN"), while an
     * organisation the page types as such (a contributing broadcaster or agency) stays beside its people.
     */
    private static List<String> people(List<String> names, Set<String> orgs, List<String> siteNames, String host) {
        boolean person = false;
        for (String n : names) {
            if (!orgs.contains(n) && !Bylines.isSite(n, siteNames, host)) {
                person = true;
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (person && !Bylines.isSite(n, siteNames, host)) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> tags(PageIndex index, Meta meta, JsonNode article, Microdata micro) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : meta.all("article:tag")) {
            addSplit(out, t);
        }
        if (out.isEmpty() && article != null) {
            for (String k : JsonLd.texts(article, "keywords")) {
                addSplit(out, k);
            }
        }
        if (out.isEmpty()) {
            addSplit(out, micro.keywords);
        }
        if (out.isEmpty()) {
            addSplit(out, first(meta.get("news_keywords"), meta.get("keywords")));
        }
        if (out.isEmpty()) {
            // rel="tag" (the microformat WordPress and many CMSs put on a post's tag links)
            for (Element link : index.relLinks) {
                if (link.attr("rel").toLowerCase(Locale.ROOT).matches("(.*\\s)?tag(\\s.*)?")) {
                    addSplit(out, link.text());
                }
            }
        }
        if (out.isEmpty()) {
            Element block = labelledTagBlock(index.tagLinks);
            for (Element link : index.tagLinks) {
                if (block != null && link.parents().contains(block)) {
                    addSplit(out, link.text());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The label a block of tag links is shown under. */
    private static final Pattern TAG_BLOCK_LABEL = Pattern.compile(
            "^(?:tags?|schlagw(?:orte|örter)|stichw(?:orte|örter)|themen|etiquetas|temas|mots-clés|keywords|теги|тэги|"
                    + "метки)(?:\\s*:|\\s|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The publisher's tags shown as links without any markup that says so: the nearest small element around the first
     * tag-page link whose text starts with a tag label ("Tags:", "Schlagworte", "Теги", "Etiquetas").
     */
    private static Element labelledTagBlock(List<Element> tagLinks) {
        for (Element link : tagLinks) {
            Element e = link.parent();
            for (int up = 0; e != null && up < 4; up++, e = e.parent()) {
                String text = e.text();
                if (text.length() > 600) {
                    break;
                }
                if (TAG_BLOCK_LABEL.matcher(text.strip()).find()) {
                    Element block = e;
                    long links = tagLinks.stream().filter(l -> l.parents().contains(block)).count();
                    // A story has a handful of tags; dozens under one label are the site's tag cloud.
                    if (links <= MAX_TAG_BLOCK_LINKS) {
                        return block;
                    }
                    break;
                }
            }
        }
        return null;
    }

    private static final int MAX_TAG_BLOCK_LINKS = 20;

    private static void addSplit(Set<String> out, String raw) {
        if (raw == null) {
            return;
        }
        String[] parts = raw.split("[,;]");
        if (parts.length == 1 && CJK.matcher(raw).find()) {
            parts = raw.strip().split("[\\s\\u00A0\\u3000]+"); // 深空探测 探月工程: Chinese keywords go by spaces
        }
        for (String t : parts) {
            String s = TAG_LABEL.matcher(t.replaceAll("[\\s\\u00A0]+", " ").strip()).replaceFirst("");
            if (!s.isEmpty() && s.length() <= 80 && !NOT_A_TAG.matcher(s).matches()) {
                out.add(s);
            }
        }
    }

    private static final java.util.regex.Pattern CJK = java.util.regex.Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

    /** A CMS's label before the tag: "Category: Travel", "NLP Entity Tokens: Fairmont Jasper park". */
    private static final java.util.regex.Pattern TAG_LABEL = java.util.regex.Pattern.compile(
            "^(?i:[a-z]+ )*(?i:category|categories|tag|tags|topic|topics|keyword|keywords|section|entity tokens|entities)"
                    + ": ");

    /** Machine identifiers among a page's keywords: UUIDs and hex ids, bare numbers, the site's own domain. */
    private static final java.util.regex.Pattern NOT_A_TAG = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[0-9a-fA-F]{24,}|\\d+|(?:[\\w-]+\\.)+[a-z]{2,6}");

    private static String language(Document doc, Meta meta, JsonNode article) {
        Element html = doc.selectFirst(HTML);
        String lang = first(html == null ? null : html.attr("lang"), html == null ? null : html.attr("xml:lang"),
                meta.get("content-language"), meta.get("og:locale"), JsonLd.text(article, "inLanguage"),
                meta.get("language"), meta.get("dc.language"));
        if (lang == null) {
            return null;
        }
        String primary = lang.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    private static LeadImage leadImage(PageIndex index, Meta meta, JsonNode article, List<JsonNode> objects,
            Microdata micro) {
        JsonNode img = article == null ? null : article.get("image");
        if (img != null && img.isArray()) {
            img = img.size() > 0 ? img.get(0) : null;
        }
        img = JsonLd.resolve(img, objects);
        String jsonLdUrl = img == null ? null : img.isTextual() ? img.asText()
                : first(JsonLd.text(img, "url"), JsonLd.text(img, "contentUrl"));
        String url = first(meta.get("og:image"), meta.get("og:image:url"), meta.get("og:image:secure_url"),
                jsonLdUrl, meta.get("twitter:image"), micro.image);
        String caption = null;
        String credit = null;
        if (img != null && img.isObject()) {
            caption = JsonLd.text(img, "caption");
            credit = first(JsonLd.text(img, "creditText"), JsonLd.text(img, "copyrightHolder"),
                    JsonLd.text(img, "author"));
        }
        if (caption == null && url != null && url.equals(micro.image)) {
            caption = micro.imageCaption;
        }
        Element figure = figureFor(index, url);
        if (figure != null) {
            Element cap = figure.selectFirst(CAPTION);
            Element cred = figure.selectFirst(CREDIT);
            String credText = cred == null ? null : cred.text().strip();
            String capText = cap == null ? null : cap.text().strip();
            if (capText != null && credText != null && !credText.isEmpty() && capText.contains(credText)) {
                capText = capText.replace(credText, "").strip();
            }
            if (capText != null && (credText == null || credText.isEmpty())) {
                Matcher m = CREDIT_IN_TEXT.matcher(capText);
                if (m.find()) {
                    credText = m.group(1).strip();
                    capText = capText.substring(0, m.start()).strip();
                }
            }
            if (credText != null) {
                credText = credText.replaceAll("^\\(|\\)$", "").strip()
                        .replaceFirst("(?iu)^(?:фото|photo|foto|bild|credit|crédit|quelle|source|©)\\s*:?\\s*", "").strip();
            }
            caption = first(caption, capText);
            credit = first(credit, credText);
            if (url == null) {
                Element first = figure.selectFirst(IMG_SRC);
                url = first == null ? null : first.absUrl("src");
            }
        }
        if (url == null) {
            return null;
        }
        return new io.newsflow.common.model.LeadImage(url, blankToNull(caption), blankToNull(credit));
    }

    // Selectors parsed once: jsoup parses a selector string again on every call.
    private static final Evaluator CAPTION = QueryParser.parse("figcaption, [itemprop=caption], [class*=caption],"
            + " [class*=image__title], [class*=photo__title], [class*=image-title], [class*=photo-title]");
    private static final Evaluator HTML = QueryParser.parse("html");
    static final Evaluator COMMENTS = QueryParser.parse("[class*=comment], [id*=comment]");
    private static final Evaluator CREDIT = QueryParser.parse("[class*=credit], [class*=copyright], [class*=source],"
            + " [class*=author], [itemprop=author], [itemprop=copyrightHolder]");
    private static final Evaluator IMG_SRC = QueryParser.parse("img[src]");

    /**
     * The element framing the lead image with its caption: the nearest ancestor of an {@code <img>} showing that file
     * which also holds a caption, else the first figure in the article.
     */
    private static Element figureFor(PageIndex index, String url) {
        String file = null;
        if (url != null) {
            String path = url.replaceFirst("[?#].*$", "");
            file = path.substring(path.lastIndexOf('/') + 1);
        }
        if (file != null && file.length() > 4) {
            for (Element img : index.images) {
                if (!img.attr("src").contains(file) && !img.attr("data-src").contains(file)
                        && !img.attr("srcset").contains(file)) {
                    continue;
                }
                // The nearest of the image's four ancestors that holds a caption: most captions sit beside their
                // image, and the search of the nearest box stops at the first one.
                int level = 0;
                for (Element e = img.parent(); e != null && level < 4; e = e.parent(), level++) {
                    if (e.selectFirst(CAPTION) != null) {
                        return e;
                    }
                }
            }
        }
        return index.firstFigure();
    }

    private static String absolute(Element e, String attr) {
        if (e == null) {
            return null;
        }
        String v = e.absUrl(attr);
        if (v.isEmpty()) {
            v = e.attr(attr).strip();
        }
        return v.isEmpty() ? null : v;
    }

    private static String firstDate(String... values) {
        for (String v : values) {
            String d = Dates.normalize(v);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The page's {@code <meta>} tags by name, property, itemprop or http-equiv, lower-cased keys, in page order. */
    static final class Meta {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        static Meta of(PageIndex index) {
            Meta m = new Meta();
            for (Element e : index.metas) {
                String content = e.attr("content");
                if (content.isBlank()) {
                    continue;
                }
                for (String key : new String[] {e.attr("property"), e.attr("name"), e.attr("http-equiv")}) {
                    if (!key.isEmpty()) {
                        m.values.computeIfAbsent(key.toLowerCase(Locale.ROOT).strip(), k -> new ArrayList<>())
                                .add(content.strip());
                    }
                }
            }
            return m;
        }

        String get(String key) {
            List<String> v = values.get(key);
            return v == null ? null : v.get(0);
        }

        List<String> all(String key) {
            return values.getOrDefault(key, List.of());
        }
    }
}
