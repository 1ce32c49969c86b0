package io.newsflow.extract.body;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lines that are boilerplate by their words alone, wherever a template puts them: ad labels, cookie notices. */
public final class Boilerplate {

    /** Whole-line labels, lower-cased, punctuation stripped. */
    private static final Set<String> LABELS = Set.of("advertisement", "advert", "ad", "ads", "anzeige", "werbung",
            "реклама", "publicidad", "publicité", "publicite", "pubblicità", "sponsored", "sponsored content",
            "story continues below advertisement", "article continues below advertisement",
            "continue reading below", "scroll to continue with content", "advertisement continue reading below",
            "comments", "share", "share this", "share this article", "share this story", "tweet", "related",
            "related articles", "related stories", "read more", "read next", "more on this story",
            "skip advertisement", "weiterlesen", "teilen", "читайте также", "поделиться", "leer más", "lire aussi",
            "tell us what you think", "you may also like", "recommended", "most popular", "trending now",
            // the ad label in more of the languages pages are written in
            "iklan", "reklama", "reklam", "mainos", "annonce", "annonse", "publicidade", "advertentie", "διαφήμιση",
            "広告", "광고", "广告", "إعلان",
            // "related" and "recommended" over a list, in Japanese, Chinese and Korean
            "関連記事", "関連キーワード", "おすすめ情報", "おすすめ記事", "関連企業業界", "相关阅读", "相关新闻", "推荐阅读",
            "관련기사", "관련 기사", "많이 본 뉴스");

    private static final Pattern CONSENT = Pattern.compile(
            "accept|consent|privacy|opt-out|agree|datenschutz|einverstanden|akzeptieren|aceptar|accepter|согласи",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * End matter: the lines a story closes with that are about the site, not the story. Written in lower case and
     * matched against the lower-cased line: a case-insensitive match of so many words folds every character's case
     * at every position tried, and was the costliest of the body's line tests.
     */
    private static final Pattern END_MATTER = Pattern.compile(
            "contributed to (?:this|the) report|follow (?:us|him|her|me|them) (?:on|@)|^join (?:our|us)|"
                    // "Follow The Daily Example on Twitter and Instagram", "Follow AP's coverage at https://…"
                    + "^follow\\b[^.]{0,80}\\b(?:on|at|via) (?:facebook|twitter|instagram|youtube|linkedin|tiktok|"
                    + "threads|bluesky|google news|https?://)|^folg(?:e|t) (?:uns|mir)\\b|"
                    + "^sign up (?:for|to)|^subscribe (?:to|for)|^(?:click|tap) here|newsletter|"
                    + "folgen sie (?:uns|ihm|ihr)|suivez-nous|síguenos|подписывайтесь|читайте нас|"
                    // copyright and reprint notices
                    + "^©|^\\(c\\) \\d{4}|all rights reserved|alle rechte vorbehalten|todos los derechos reservados|"
                    + "tous droits réservés|tutti i diritti riservati|все права защищены|written permission|"
                    + "copyrighted (?:property|material)|may not be (?:re)?(?:published|reproduced|redistributed)|"
                    // a paywall's or a membership's appeal
                    + "already a (?:subscriber|member)|to (?:view|read|continue reading) (?:the|this) (?:full )?"
                    + "(?:story|article)|subscribers? (?:also )?(?:get|receive|can)|pour lire la suite|"
                    + "pour accéder en illimité|abonnez-vous|jetzt abonnieren|weiterlesen mit|"
                    + "(?:support|unterstützen sie) (?:our|independent|unseren|unabhängigen) journalism|"
                    + "unterstützen sie uns|unterstütze unsere arbeit|mit einer spende|spendenkonto|"
                    // an ad blocker's notice
                    + "ad ?-?blocker|werbe-?blocker|bloqueur de pub|"
                    // a blog theme's entry footer ("This entry was posted in … Bookmark the permalink.")
                    + "this entry was posted|bookmark the permalink|responses to this entry|dieser eintrag wurde|"
                    + "der beitrag wurde am|antworten zu diesem eintrag");

    private Boilerplate() {
    }

    /** A paywall's appeal: what follows it on the page is its pitch, not the story, which the page does not hold. */
    private static final Pattern PAYWALL = Pattern.compile(
            "(?:to (?:view|read|continue reading) (?:the|this) (?:full )?(?:story|article)|subscribe now\\b.{0,60}"
                    + "\\bfor the full (?:story|article)|pour lire la suite|weiterlesen mit|"
                    + "(?:lesen sie|lies) (?:jetzt )?weiter mit)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Whether a line opens a paywall ("To view the full story, please subscribe…", "Pour lire la suite…"): the body
     * ends before it.
     */
    public static boolean opensPaywall(String line) {
        // The appeal opens its line: matched from the start only, not tried at every position.
        return line.length() < 400 && PAYWALL.matcher(line.strip()).lookingAt();
    }

    /** Whether a short closing paragraph is end matter (contributor lines, follow-us and sign-up prompts). */
    public static boolean isEndMatter(String paragraph) {
        return paragraph.length() < 300 && END_MATTER.matcher(paragraph.toLowerCase(Locale.ROOT)).find();
    }

    /** A label that opens a press release's closing contact block ("Pressekontakt:", "Media contact"). */
    private static final Pattern CONTACT_LABEL = Pattern.compile(
            "^(?:presse|medien|media |press |pr-)?(?:kontakte?|contacts?|contacto|ansprechpartner(?:in)?"
                    + "(?: für (?:die )?medien)?)(?: (?:zum thema|für journalisten|for journalists|investoren))?\\b[^.]{0,60}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Whether a line is the label over a closing contact block: its people, phones and addresses are not the story. */
    public static boolean opensContactBlock(String paragraph) {
        String line = paragraph.strip();
        if (line.length() <= 80 && CONTACT_LABEL.matcher(line).find()
                && (line.endsWith(":") || line.split("\\s+").length <= 5)) {
            return true;
        }
        // "Pressekontakt: Firma, Name, Tel. +49 …, name@firma.de" on one line.
        Matcher m = CONTACT_OPENING.matcher(line);
        return line.length() <= 300 && m.lookingAt() && REACH.matcher(line).find(m.end());
    }

    private static final Pattern CONTACT_OPENING = Pattern.compile(
            "(?:presse|medien|media |press |pr-)?(?:kontakte?|contacts?|contacto|ansprechpartner(?:in)?)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** An e-mail address or a phone number. */
    private static final Pattern REACH = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\+?\\d[\\d ()/-]{7,}\\d");

    static boolean isBoilerplate(String text) {
        if (text.length() <= 60) {
            String key = lettersDigitsSpaces(text.toLowerCase(Locale.ROOT)).strip();
            if (LABELS.contains(key)) {
                return true;
            }
        }
        return text.length() < 600 && containsCookie(text) && CONSENT.matcher(text).find()
                || isBrowserNotice(text);
    }

    /** "Your browser is out of date", "Dein Browser ist leider veraltet": a banner about the reader's browser. */
    private static final Pattern BROWSER_NOTICE = Pattern.compile(
            "\\b(?:your|ihr|dein|votre|su|tu|uw|din)\\s+(?:web[- ]?)?(?:browser|navigateur|navegador)\\b.{0,60}?"
                    + "(?:veraltet|outdated|out of date|obsolete|obsolète|desactualizado|obsoleto|verouderd|"
                    + "not supported|no longer supported|nicht (?:mehr )?unterstützt|unsupported|"
                    + "n'est plus pris en charge|no es compatible)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static boolean isBrowserNotice(String text) {
        return text.length() <= 300 && (text.contains("rowser") || text.contains("naviga"))
                && BROWSER_NOTICE.matcher(text).find();
    }

    /**
     * Whether a paragraph of the body, wherever it stands, is the template's and not the story's: a post's meta row,
     * the comment policy, an unrendered shortcode, a related-link insert's label, a credit, a date alone (a feed's
     * time stamp), a members-only appeal. Read after the body is chosen, so that cutting these lines never changes
     * which box is chosen.
     */
    public static boolean isStrayLine(String text) {
        return isTaxonomyLine(text) || isCommentPolicy(text) || isShortcode(text) || isRelatedLabel(text)
                || isCredit(text) || isDateAlone(text) || isMembersAppeal(text);
    }

    /** A day written in numbers, in any order of its parts: "05/10/2018", "2024.02.04", "13.01.2025". */
    private static final String NUMERIC_DAY = "\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}";

    /** The labels that file a post under its taxonomy: categories, tags, "filed under". */
    private static final String TAXONOMY_WORDS = "filed under|posted in|abgelegt unter|publicado en|"
            + "categor(?:y|ies|ia|ias|ía|ías|ie|ies)|catégories?|kategorien?|tags?|schlagw(?:o|ö)rte|schlagwörter|"
            + "etiquetas?|rubri(?:k|que|ca)";

    /** A line that opens with a taxonomy label, perhaps after the post's date ("05/10/2018 - Categoria:"). */
    private static final Pattern TAXONOMY_START = Pattern.compile(
            "(?:" + NUMERIC_DAY + "\\s*[-|–]\\s*)?(?:" + TAXONOMY_WORDS + ")\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Any label of a post's meta row: where it is filed, who wrote it, when. */
    private static final Pattern META_LABEL = Pattern.compile("(?<!\\p{L})(?:" + TAXONOMY_WORDS
            + "|publicado por|posted by|veröffentlicht|autor|author)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Whether a short line is a post's meta row ("Categoria: Saúde - Tags: …", "Filed under: News"): it opens with a
     * taxonomy label, or holds two labels of a meta row. Blog templates print it above or below the story.
     */
    static boolean isTaxonomyLine(String text) {
        if (text.length() >= 300 || text.indexOf(':') < 0) {
            return false;
        }
        if (TAXONOMY_START.matcher(text).lookingAt()) {
            return true;
        }
        // Two labels need two colons: most lines have fewer, and the scan for labels is skipped.
        int colon = text.indexOf(':');
        if (text.indexOf(':', colon + 1) < 0) {
            return false;
        }
        Matcher m = META_LABEL.matcher(text);
        return m.find() && m.find();
    }

    /** Whether a short line carries a © : an image's credit ("Foto: © Agentur") or a copyright notice, not prose. */
    static boolean isCredit(String text) {
        return text.length() < 200 && text.indexOf('©') >= 0;
    }

    private static final Pattern DATE_ALONE = Pattern.compile(
            "(?:" + NUMERIC_DAY + "|(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)"
                    + "(?:\\s*,?\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?");

    /** Whether a line is a date and nothing else ("13.01.2025", "1月13日 12:30"): a feed's time stamp, not text. */
    static boolean isDateAlone(String text) {
        return text.length() <= 24 && !text.isEmpty() && Character.isDigit(text.charAt(0))
                && DATE_ALONE.matcher(text.strip()).matches();
    }

    /** Whether a short line asks the reader to register or pay (会員限定, 読み放題): the paywall's, not the story's. */
    static boolean isMembersAppeal(String text) {
        return text.length() < 200 && (text.contains("読み放題")
                || (text.contains("会員") && (text.contains("限定") || text.contains("登録") || text.contains("のみ"))));
    }

    /** The label a related-link insert opens with, in the languages pages are written in. */
    private static final Pattern RELATED_LABEL = Pattern.compile(
            "(?:related(?!\\s+to\\b)|read more|read also|see also|also read|"
            + "lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|das könnte sie (?:auch )?interessieren|"
            + "weitere artikel|lire aussi|à lire aussi|leia (?:também|mais)|ver también|lee también|leer más|"
            + "читайте также|смотрите также|czytaj (?:też|także|więcej)|zobacz (?:też|także)|leggi anche)"
            // at most three more words before the colon: a label, not a sentence ("Related to the case: …")
            + "(?:\\s+[\\p{L}’']+){0,3}\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Whether a short line is a related-link insert ("Read more: Other story", "Lesen Sie auch:") or its label, left
     * after the links under it were dropped.
     */
    static boolean isRelatedLabel(String text) {
        return text.length() <= 120 && text.indexOf(':') > 0 && RELATED_LABEL.matcher(text).lookingAt();
    }

    private static final String COMMENT_WORDS = "(?:comment|comentári|comentari|commentair|kommentar|commento|коммент)";

    /** Comments and moderation named within a sentence of each other, either way round. */
    private static final Pattern COMMENT_POLICY = Pattern.compile(COMMENT_WORDS + "\\w*\\b.{0,150}\\b(?:moder|модер)|"
            + "\\b(?:moder|модер)\\w*\\b.{0,100}" + COMMENT_WORDS, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The words a blog or news template heads its comment thread with, or its comment form. */
    private static final Pattern THREAD_OPENER = Pattern.compile(
            // "35 Comments", "Ein Kommentar", "2 thoughts on “Headline”", "One response to “Headline”": a count and
            // the thread's noun, then nothing but the post's title in quotes ("3 Antworten auf die Fragen" is a
            // story's subheading)
            "^(?:\\d+|one|a|ein|eine|un|una|une|uno|один|одна)\\s+(?:comments?|kommentare?|comentarios?|"
                    + "commentaires?|commenti|commento|comentários?|reacties?|kommentarer?|комментари\\w*|"
                    + "responses?|replies|antworten|reaktionen|réponses?|respuestas?|thoughts?|gedanken?)"
                    + "(?:\\s+(?:to|on|zu|auf|sur|à|a|para|en|su|на|к))?\\s*(?:[\"“”„«»‘’'(:].*)?$|"
                    // "Comments (35)", "Kommentare: 3", "Top Rated Comments", "Leserkommentare" alone as the
                    // thread's heading
                    + "^(?:(?:top[- ]rated|most (?:popular|liked|recent)|latest|recent|newest|best|reader|readers'?|"
                    + "user|leser|neueste|beliebteste|letzte)\\s+)?(?:comments?|kommentare|comentarios|commentaires|"
                    + "commenti|comentários|reacties|kommentarer|комментарии|leserkommentare)"
                    + "\\s*(?:\\(\\d+\\)|:?\\s*\\d+)?:?$|"
                    // "Dieser Artikel hat 32 Kommentare.", "This post has 3 comments"
                    + "^(?:dieser (?:artikel|beitrag) hat|this (?:article|post|story) has|there are) \\d+ "
                    + "(?:kommentare|comments)\\b|"
                    // the comment form's heading
                    + "^(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the discussion|"
                    + "schreibe einen kommentar|hinterlasse (?:jetzt )?einen kommentar|(?:einen )?kommentar (?:verfassen|schreiben|hinterlassen|abgeben)|"
                    + "kommentare schreiben|deja un comentario|deja una respuesta|laisser un commentaire|"
                    + "laisser une réponse|lascia un commento|deixe um comentário|оставить комментарий|"
                    + "добавить комментарий|оставьте комментарий)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Whether a short line heads the comment thread or the comment form ("35 Comments", "2 thoughts on “…”",
     * "Leave a Reply", "Kommentar verfassen"): what follows it is the readers' text, not the story's, however the
     * thread's boxes are named.
     */
    public static boolean opensCommentThread(String line) {
        return line.length() <= 80 && THREAD_OPENER.matcher(line.strip()).find();
    }

    /** Whether a short line is the site's comment policy ("comments are moderated …"): it belongs to the thread. */
    static boolean isCommentPolicy(String text) {
        return text.length() < 400 && (text.contains("moder") || text.contains("Moder") || text.contains("модер")
                || text.contains("Модер") || text.contains("MODER")) && COMMENT_POLICY.matcher(text).find();
    }

    private static final Pattern SHORTCODE = Pattern.compile("\\[(\\w+)[^\\]]*].*\\[/\\1]", Pattern.DOTALL);

    /** Whether a line is a CMS shortcode the page printed unrendered ("[button link=…]Send[/button]"). */
    static boolean isShortcode(String text) {
        return text.startsWith("[") && text.contains("[/") && SHORTCODE.matcher(text).matches();
    }

    /** The text with only its letters, numbers and spaces ({@code [^\\p{L}\\p{N} ]+} cut), built without a regex. */
    static String lettersDigitsSpaces(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == ' ' || Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
                    || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** Whether "cookie" stands in the text in any ASCII case (as {@code CASE_INSENSITIVE}, without Unicode case). */
    static boolean containsCookie(String text) {
        for (int i = 0, n = text.length() - 6; i <= n; i++) {
            // Setting 0x20 lower-cases an ASCII letter; no other character lands on these six.
            if ((text.charAt(i) | 0x20) == 'c' && (text.charAt(i + 1) | 0x20) == 'o' && (text.charAt(i + 2) | 0x20) == 'o'
                    && (text.charAt(i + 3) | 0x20) == 'k' && (text.charAt(i + 4) | 0x20) == 'i'
                    && (text.charAt(i + 5) | 0x20) == 'e') {
                return true;
            }
        }
        return false;
    }
}
