package io.newsflow.extract.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Author names from byline text: labels, dates and degrees cut off, several names split, the site itself told apart. */
final class Bylines {

    /** "Autor:", "Written by:", "Auteur :" — a label and a colon before the name. */
    private static final Pattern LABEL_COLON = Pattern.compile(
            "^(?:(?:autor(?:in|en)?(?:\\s*/\\s*autor(?:in)?)?|authors?|auteure?s?|autore|autores|escrito por|"
                    + "written by|geschrieben von|verfasst von|автор[ы]?)\\s*:?|(?:text|texte|texto|interview|von|by|par|"
                    + "por|de|редакция|текст)\\s*:)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A byline keyword; the name follows it. Without a space only right after a label ("Beitragvon r23"). */
    private static final Pattern KEYWORD = Pattern.compile(
            "(?<=^|[\\s\\p{P}\\p{S}])(?:by|von|vom|par|por|przez|(?-i:de|di)|door|av|af|от)(?:\\s*:)?\\s+"
                    + "|(?<=[\\p{L}\\s])(?:von|by)(?=(?-i:\\p{Lu}))|^by(?=(?-i:\\p{Lu}))|(?<=beitrag)von\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words that announce a byline rather than name anyone: a keyword after them starts the name. */
    private static final Pattern LABEL_BEFORE = Pattern.compile(
            "(?:^|.*[\\s\\p{P}])(?:ein|eine|veröffentlicht|posted|published|written|geschrieben|erstellt|verfasst|beitrag|"
                    + "artikel|article|story|reported|publié|publicado|escrito|gepostet|eingestellt|submitted|"
                    + "uploaded|photos?|fotos?|text|interview|kommentar|alles|alle|mehr|more|all|weitere|beiträge|posts|"
                    + "articles|artikel|stories|kolumne|gastbeitrag|bericht|column|report|artículo|columna)\\s*(?:am|on|le|el)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A date or time after the name: "X am 29.12.2010", "X · 31. Oktober 2023", "X at 18:52", "X am Samstag",
     * "X Actualizado el 08/05/2022".
     */
    private static final Pattern TRAILING_DATE = Pattern.compile(
            "(?:\\s*[·•|»—–,;]\\s*|\\s+)(?:(?:am|at|on|le|el|den|um|il|stand|updated|aktualisiert|veröffentlicht|"
                    + "published|posted|datum|date|erschienen|publié|publicado|actualizado|atualizado|aggiornato|"
                    + "pubblicato|mis à jour|bijgewerkt|gepubliceerd|oppdatert|publisert|uppdaterad|publicerad|"
                    + "opdateret)\\s*:?\\s+){0,2}"
                    + "(?:\\d|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|"
                    + "wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\b"
                    + "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|"
                    + "janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|"
                    + "marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\\p{L}*\\.?\\s+\\d"
                    + ").*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "vor 5 Stunden", "3 hours ago", glued or not. */
    private static final Pattern RELATIVE_TIME = Pattern.compile(
            "\\s*(?:vor\\s+\\d+\\s+\\p{L}+|\\d+\\s+(?:seconds?|minutes?|hours?|days?|weeks?)\\s+ago)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A photo credit or a label trailing the name: "X Foto: Y", "X Veröffentlicht"; a comment's "X says:" ("sagt",
     * "dit", "dice").
     */
    private static final Pattern TRAILING_LABEL = Pattern.compile(
            "\\s+(?:(?:fotos?|photos?|bild(?:er)?|images?)\\s*:.*|(?:fotos?|photos?|bild(?:er)?|illustrations?|illustrationen)"
                    + "\\s+(?:von|by|de|par)\\s.*|(?:veröffentlicht|published|posted|publié|publicado|"
                    + "am|on|at|le|el)\\s*|(?:says|sagt|dit|dice|disse)\\s*:?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A labelled field after a name of two words or more, as a meta row runs on: "Jane Doe Kategorien: Mode". Group 1
     * is what comes before the label.
     */
    private static final Pattern NEXT_LABEL = Pattern.compile("^(\\p{L}\\S*\\s+\\S.*?)\\s+\\p{Lu}[\\p{L}-]+:\\s.*$");
    /** A German newsroom's desk, one word: "Redaktion", "Online-Redaktion", "Sportredaktion". */
    private static final Pattern DESK = Pattern.compile("[\\p{L}-]*redaktion", Pattern.CASE_INSENSITIVE);
    /** The brackets around a Chinese editor line: "(责编：牛某、岳某)". */
    private static final Pattern EDITOR_LINE_ZH_BRACKETS = Pattern.compile("^[(（【\\[]\\s*(?=责)|[)）】\\]]\\s*$");
    /**
     * What stands between two names in a byline: punctuation, a slash with spaces around it ("Jane Doe / Site"),
     * "and" in the sets' languages, and the guest "im Gespräch mit" / "in conversation with" the host of an
     * interview, who are both its authors.
     */
    private static final Pattern SPLIT = Pattern.compile(
            "\\s*(?:,|;|&|、|，|\\band\\b|\\bund\\b|\\bet\\b|\\bog\\b|\\boch\\b|\\by\\b|\\bи\\b|\\||(?<=\\s)/(?=\\s)|"
                    + "\\bim\\s+(?iu:gespräch)\\s+mit\\b|\\bin\\s+conversation\\s+with\\b)\\s*",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EDGE_JUNK = Pattern.compile("^[\\s©~:·•|»«—–\\-,;*/→›‹]+|[\\s·•|»«—–\\-,;:*/→›‹]+$");
    private static final Pattern CREDIT = Pattern.compile(
            "^\\(?\\s*(?:images?|photos?|fotos?|bild(?:er)?|credits?|quelle|source|crédit)\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Academic degrees and suffixes written after a name as if they were a second author. */
    private static final Pattern DEGREE = Pattern.compile(
            "(?:ph\\.?\\s?d|m\\.?\\s?d|mba|m\\.?sc|b\\.?sc|m\\.?a|b\\.?a|rd|rn|dds|jr|sr|esq)\\.?",
            Pattern.CASE_INSENSITIVE);
    /** A whole piece that is a label or a button, not a name. */
    private static final Set<String> LABELS = Set.of("by", "von", "vom", "por", "par", "de", "di", "published by",
            "posted by", "posted on", "posted", "published", "veröffentlicht", "veröffentlicht am",
            "veröffentlicht von", "erstellt von", "autor", "autorin", "autoren", "author", "authors", "auteur",
            "auteurs", "autore", "autores", "datum", "date", "follow", "folgen", "alle beiträge", "all posts",
            "no author", "unknown", "anonymous", "anonym", "admin", "administrator", "staff", "share", "teilen",
            "more", "mehr", "read more", "weiterlesen", "about the author", "über den autor", "written by",
            "geschrieben von", "text", "interview", "kommentare", "comments", "redaktion:", "e-mail", "email", "null",
            "undefined", "artikel", "article", "beitrag", "artículo", "articolo", "artigo", "artikkel",
            "twitter", "facebook", "linkedin", "instagram", "profil", "profile", "contact", "kontakt",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "heute", "today", "gestern", "yesterday");
    private static final Pattern SOCIAL = Pattern.compile(
            "\\b(?:twitter|facebook|linkedin|instagram|whatsapp|pinterest|e-?mail|newsletter|wordpress|blogger|theme|"
                    + "powered|profil|profile|copyright)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A credit for other work than writing the article: "Übersetzung Sarah Jung", "Foto Max Muster". */
    private static final Set<String> ROLES = Set.of("übersetzung", "translation", "translated", "foto", "fotos",
            "photo", "photos", "illustration", "illustrationen", "grafik", "video", "kamera", "moderation");
    /** Lower-case words a personal name may hold ("Ursula von der Leyen", "Camila de la Cruz"). */
    private static final Set<String> PARTICLES = Set.of("von", "van", "der", "den", "de", "del", "della", "da", "di",
            "dos", "das", "du", "la", "le", "zu", "y", "e", "bin", "ibn", "al", "el", "ten", "ter", "vom", "v.");
    /** A bare domain ("mdr.de", "www.dw.com"): the site, not a person. */
    private static final Pattern DOMAIN = Pattern.compile("(?:^|[\\s(])(?:www\\.)?[\\p{L}\\d-]+\\.[a-z]{2,6}(?=$|[\\s)/])");

    /** A social handle written after the name: "Williams Perdomo @wperdomod". */
    private static final Pattern TRAILING_HANDLE = Pattern.compile("\\s+@[\\w.]+$", Pattern.UNICODE_CHARACTER_CLASS);
    /** A job title or a button after a full name: "Christoph Hein Chefredakteur", "Martin Junker Kontakt". */
    private static final Pattern TRAILING_ROLE = Pattern.compile(
            "\\s+(?:chefredakteur(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|"
                    + "kontakt|contact|folgen|follow)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * An English job title of capitalised words after a name, and the follow button after it: "Staff Writer",
     * "Assistant Sports Editor Follow", "CNN Editor-at-large". Not a phrase with an article or a preposition
     * ("Letters To The Editor" is a column's name).
     */
    private static final Pattern TRAILING_TITLE = Pattern.compile(
            "(?<!\\b(?:The|To|Of|For|And))\\s+(?:(?!(?:The|To|Of|For|And)\\s)\\p{Lu}[\\p{L}&'-]*\\s+){0,3}"
                    + "(?i:editor|writer|reporter|correspondent|columnist|contributor|producer|journalist|photographer"
                    + "|analyst|critic)(?i:-at-large)?(?:\\s+(?i:follow))?$");
    /** A job title before a full name, alone or ending a compound: "FOCUS-Online-Experte Robin Tschöpe". */
    private static final Pattern LEADING_ROLE = Pattern.compile(
            "^(?:[\\p{L}]+-)*(?:experte|expertin|redakteur(?:in)?|chefredakteur(?:in)?|korrespondent(?:in)?|"
                    + "gastautor(?:in)?|kolumnist(?:in)?|reporter(?:in)?|rechtsanwalt|rechtsanwältin|"
                    + "(?:presse)?sprecher(?:in|\\*in|:in)?)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A company's or association's legal form closing its name: "Hanns-Seidel-Stiftung e.V.", "Web Commerce GmbH". */
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "\\s(?:g?gmbh|mbh|e\\.\\s?v\\.?|ag|se|kg|kgaa|inc\\.?|ltd\\.?|llc|plc|corp\\.?|s\\.a\\.|s\\.l\\.)(?=$|[\\s,])",
            Pattern.CASE_INSENSITIVE);

    private Bylines() {
    }

    /** A name in a script without capitals followed by a reporter's title: "신현주 기자", "山田太郎記者". */
    private static final Pattern REPORTER_TITLED = Pattern.compile(
            "^\\s*([\\p{IsHangul}\\p{IsHan}]{2,4})\\s*(?:기자|특파원|記者|记者)\\s*$");

    /**
     * The name a reporter's title follows, or null. Korean and Japanese papers write the title after the writer's
     * name; it tells a person apart from the paper where no capital letter can ("한국일보" is the paper).
     */
    static String reporterName(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = REPORTER_TITLED.matcher(raw);
        return m.matches() ? m.group(1) : null;
    }

    /** Whether a name is an organisation by its legal form, as a JSON-LD Organization would say. */
    static boolean isOrganisation(String n) {
        return LEGAL_FORM.matcher(n).find();
    }

    /**
     * A byline element's text, as {@code Element.text()} gives it but with a space where two elements' words would
     * run together: a name and the job title, button or date set beside it in an inline element of its own
     * ({@code <a>Jane Doe</a><span>Korrespondentin</span>}) are two words, not "DoeKorrespondentin".
     */
    static String text(Element byline) {
        StringBuilder out = new StringBuilder();
        boolean[] boundary = {false};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    if (boundary[0] && !text.isEmpty() && !out.isEmpty()
                            && wordsApart(out.charAt(out.length() - 1), text.codePointAt(0))) {
                        out.append(' ');
                    }
                    StringUtil.appendNormalisedWhitespace(out, text, lastIsSpace(out));
                    boundary[0] = false;
                } else if (node instanceof Element e) {
                    boundary[0] = true;
                    if ((e.isBlock() || e.normalName().equals("br")) && !out.isEmpty() && !lastIsSpace(out)) {
                        out.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    boundary[0] = true;
                    if (e.isBlock() && !out.isEmpty() && !lastIsSpace(out)) {
                        out.append(' ');
                    }
                }
            }
        }, byline);
        return out.toString().strip();
    }

    /**
     * Whether two elements' characters are two words: a letter or a digit on each side, but not a digit on both (a
     * number split over elements is one number). "Collignon" and "22. Februar" are a name and a date.
     */
    private static boolean wordsApart(char before, int after) {
        return Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after)
                && !(Character.isDigit(before) && Character.isDigit(after));
    }

    private static boolean lastIsSpace(StringBuilder b) {
        return b.length() == 0 || b.charAt(b.length() - 1) == ' ';
    }

    /** The names in one byline string, cleaned; empty when it holds only labels, dates or credits. */
    static List<String> names(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        String s = raw.replaceAll("[\\s\\u00A0\\u200B]+", " ").strip();
        if (s.indexOf('责') >= 0) {
            s = PageIndex.EDITOR_LABEL_ZH.matcher(EDITOR_LINE_ZH_BRACKETS.matcher(s).replaceAll("")).replaceFirst("");
        }
        s = RELATIVE_TIME.matcher(s).replaceFirst("");
        s = EDGE_JUNK.matcher(s).replaceAll("");
        s = LABEL_COLON.matcher(s).replaceFirst("");
        s = afterKeyword(s);
        s = TRAILING_DATE.matcher(s).replaceFirst("");
        s = TRAILING_LABEL.matcher(s).replaceFirst("");
        s = NEXT_LABEL.matcher(s).replaceFirst("$1");
        for (String piece : SPLIT.split(s)) {
            String n = EDGE_JUNK.matcher(piece).replaceAll("");
            n = LABEL_COLON.matcher(n).replaceFirst("");
            n = afterKeyword(n);
            n = EDGE_JUNK.matcher(n).replaceAll("");
            n = onceIfTwice(n);
            n = TRAILING_HANDLE.matcher(n).replaceFirst("");
            if (!out.isEmpty() && TRAILING_TITLE.matcher(" " + n).matches()) {
                // "Jane Doe, AP Sports Writer": the title after the name is hers.
                continue;
            }
            n = withoutRole(n);
            if (!out.isEmpty() && DESK.matcher(n).matches()) {
                // "Jane Doe, Online-Redaktion": the desk she writes for.
                continue;
            }
            if (!out.isEmpty() && isDescription(n)) {
                // "Uta Beispiel, Projektleiterin der Stiftung in Tunis": what follows the name says who she is.
                continue;
            }
            if (isName(n)) {
                out.add(n);
            }
        }
        // "Tina Beispiel, TB": the writer's initials, as she signs her pieces, are no second writer.
        out.removeIf(n -> isAcronym(n) && out.stream().anyMatch(o -> o.length() > n.length() && initials(o).equals(n)));
        return out;
    }

    /** The capitals that open a name's words: "TB" for "Tina Beispiel". */
    private static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.split("[\\s-]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    /** A full name without the job title or button written beside it; other names stay as they are. */
    private static String withoutRole(String n) {
        Matcher trailing = TRAILING_ROLE.matcher(n);
        if (trailing.find() && isPersonName(n.substring(0, trailing.start()))) {
            n = n.substring(0, trailing.start());
        }
        Matcher title = TRAILING_TITLE.matcher(n);
        // The shortest name before the title: the title's words are capitalised as a name's are.
        for (int from = 0; title.find(from); from = title.start() + 1) {
            if (isPersonName(n.substring(0, title.start()))) {
                n = n.substring(0, title.start());
                break;
            }
        }
        Matcher leading = LEADING_ROLE.matcher(n);
        if (leading.lookingAt() && isPersonName(n.substring(leading.end()))) {
            n = n.substring(leading.end());
        }
        return n;
    }

    /**
     * A phrase about the person rather than a name: three or more words, one of them lower case and no particle
     * ("Projektleiterin der Stiftung in Tunis", "staff writer at the Gazette").
     */
    private static boolean isDescription(String n) {
        String[] words = n.split(" ");
        if (words.length < 3) {
            return false;
        }
        for (String w : words) {
            if (!w.isEmpty() && Character.isLowerCase(w.codePointAt(0)) && !PARTICLES.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Jane Doe Jane Doe" → "Jane Doe", "JaneJane" → "Jane": a name written twice, as an avatar's text and the
     * link's, with or without white space between (block elements side by side run their texts together).
     */
    private static String onceIfTwice(String n) {
        int half = n.length() / 2;
        if (n.length() % 2 == 1 && n.charAt(half) == ' ' && n.substring(0, half).equals(n.substring(half + 1))) {
            return n.substring(0, half);
        }
        if (n.length() % 2 == 0 && half >= 3 && n.substring(0, half).equals(n.substring(half))) {
            return n.substring(0, half);
        }
        return n;
    }

    /** "Posted on May 2, 2020 by X" → "X": a keyword counts when only a label, a date or nothing precedes it. */
    private static String afterKeyword(String s) {
        Matcher m = KEYWORD.matcher(s);
        while (m.find()) {
            String before = s.substring(0, m.start());
            boolean glued = m.group().length() > 0 && !Character.isWhitespace(s.charAt(m.end() - 1))
                    && m.end() < s.length() && Character.isUpperCase(s.charAt(m.end()));
            if (before.isBlank() || before.matches(".*\\d.*") || LABEL_BEFORE.matcher(before).matches()
                    || before.matches("[\\p{P}\\p{S}\\s]+")) {
                return s.substring(m.end()).strip();
            }
            String after = s.substring(m.end()).strip();
            if (GENRE_LABEL.matcher(before).matches() && isPersonName(after) && !creditsOtherWork(before)) {
                // "Eine Analyse von Jane Doe", "News By Jane Doe": a genre or a section named before the writer.
                return after;
            }
        }
        return s;
    }

    /** One or two words and nothing else: a genre's or a section's name before "by"/"von". */
    private static final Pattern GENRE_LABEL = Pattern.compile("\\s*\\p{L}+(?:\\s+\\p{L}+)?\\s*");

    /** Whether a label credits other work than the writing: "Fotos von", "Übersetzt von", "Translated by". */
    private static boolean creditsOtherWork(String label) {
        for (String w : label.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (ROLES.contains(w) || w.startsWith("übersetz") || w.startsWith("translat") || w.startsWith("foto")
                    || w.startsWith("photo") || w.startsWith("bild") || w.startsWith("illustr") || w.startsWith("video")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(String n) {
        if (n.isEmpty() || n.length() > 60 || n.split(" ").length > 5) {
            return false;
        }
        String l = n.toLowerCase(Locale.ROOT);
        if (n.contains("@") || l.startsWith("http") || SOCIAL.matcher(n).find() || l.contains("e-mail") || l.contains("email")
                || LABELS.contains(l) || n.endsWith(":") || CREDIT.matcher(n).matches() || DEGREE.matcher(n).matches()
                || l.startsWith("alle beiträge") || l.startsWith("all posts") || l.startsWith("view all")
                || l.startsWith("more from") || l.startsWith("mehr von")) {
            return false;
        }
        int digits = 0;
        int letters = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        // A date, a phone number or an id, not a name ("Marianne1" still passes, and so does a login, below).
        return letters > 0 && (digits <= letters / 2 || LOGIN_WITH_NUMBER.matcher(n).matches())
                && !Character.isDigit(n.charAt(0));
    }

    /**
     * A user name as forums and blogs print it: one word of letters with a number after them ("r23", "freeman1984",
     * "delta201"). Members pick a taken name and add a number; the digits may outnumber the letters.
     */
    private static final Pattern LOGIN_WITH_NUMBER = Pattern.compile("\\p{L}[\\p{L}._-]*\\d{1,4}");

    /**
     * Whether a name looks like a person's full name: two to four capitalised words, particles allowed. Only such a
     * name may stand in for a publication named as the author: initials ("amw", "red") stand for an editor whose
     * article the publication signs.
     */
    static boolean isPersonName(String n) {
        String[] words = n.split(" ");
        if (words.length < 2 || words.length > 4 || ROLES.contains(words[0].toLowerCase(Locale.ROOT))) {
            return false;
        }
        int capitalised = 0;
        for (String w : words) {
            if (PARTICLES.contains(w)) {
                continue;
            }
            int c = w.codePointAt(0);
            if (!Character.isUpperCase(c) || w.chars().anyMatch(Character::isDigit)) {
                return false;
            }
            capitalised++;
        }
        return capitalised >= 2;
    }

    /**
     * Whether a one-word author and a full name are the same person: the login spells the name ("edilson.la.rosa",
     * "arianschlichenmayer") or the word is the first name.
     */
    static boolean sameAuthor(String word, String fullName) {
        String w = key(word);
        String f = key(fullName);
        if (w.length() < 3 || w.equals(f)) {
            return w.length() >= 3;
        }
        String first = fullName.split(" ")[0];
        if (word.equalsIgnoreCase(first)) {
            return true;
        }
        // Every part of a login is a part of the name: "christian.stadtfeld" and "Christian P. Stadtfeld".
        String[] parts = word.toLowerCase(Locale.ROOT).split("[._\\-]+");
        if (parts.length < 2) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (String x : fullName.toLowerCase(Locale.ROOT).split("[\\s.\\-]+")) {
            words.add(x);
        }
        for (String p : parts) {
            if (!words.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The full name a login spells ("christian.stadtfeld"), as the page's text writes it ("Christian P. Stadtfeld",
     * a middle initial allowed), or null. Only a login of two or more parts: a one-word one could be any word.
     */
    static String loginSpelledOut(String login, String text) {
        return loginSpelledOut(login, () -> text);
    }

    /** {@link #loginSpelledOut(String, String)}, the page's text asked for only once the login has a login's parts. */
    static String loginSpelledOut(String login, java.util.function.Supplier<String> text) {
        String[] parts = login.split("[._\\-]+");
        if (parts.length < 2 || parts.length > 4) {
            return null;
        }
        StringBuilder regex = new StringBuilder("(?<![\\p{L}])");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() < 2) {
                return null;
            }
            regex.append(i == 0 ? "" : "(?:\\s+\\p{Lu}\\.)?\\s+").append(Pattern.quote(parts[i]));
        }
        Matcher m = Pattern.compile(regex.append("(?![\\p{L}])").toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text.get());
        while (m.find()) {
            if (isPersonName(m.group())) {
                return m.group();
            }
        }
        return null;
    }

    /** The site with an editor's initials after a slash: "srf/hosb", "MDR THÜRINGEN/ls", "dpa/lno". */
    private static final Pattern SITE_SLASH_INITIALS = Pattern.compile(".+/\\p{Ll}{2,5}");

    /**
     * Whether a name is the site's own desk signed by an editor's initials ("hessenschau.de/bb", "MDR THÜRINGEN/ls"):
     * a writer, where "sid/dpa" (agencies) is a source.
     */
    static boolean isSignedForSite(String name, List<String> siteNames, String host) {
        int slash = name.lastIndexOf('/');
        return SITE_SLASH_INITIALS.matcher(name).matches() && isSite(name.substring(0, slash), siteNames, host);
    }

    /** Whether a name is the publication itself: its site name, its host, or any bare domain. */
    static boolean isSite(String name, List<String> siteNames, String host) {
        if (SITE_SLASH_INITIALS.matcher(name).matches()) {
            // The initials name the editor who signs for the site: a writer, not the site itself.
            return false;
        }
        String n = key(name);
        if (n.length() < 2) {
            return false;
        }
        if (DOMAIN.matcher(name).find()) {
            return true;
        }
        List<String> keys = new ArrayList<>();
        for (String s : siteNames) {
            if (s != null) {
                keys.add(key(s));
            }
        }
        if (host != null) {
            String h = host.toLowerCase(Locale.ROOT).replaceFirst("^(?:www\\d?|m|amp)\\.", "");
            keys.add(key(h));
            int dot = h.indexOf('.');
            if (dot > 0) {
                keys.add(key(h.substring(0, dot)));
            }
        }
        for (String k : keys) {
            if (k.length() < 3) {
                continue;
            }
            // "STERN.de" against stern.de, "n-tv NACHRICHTEN" against n-tv.de, "Makronom" against "Makronom – Blog".
            if (n.equals(k) || n.startsWith(k) && n.length() <= k.length() + 12
                    || k.startsWith(n) && n.length() >= 4) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,5}");

    /** Whether a name is an acronym in capitals ("NDR", "AFP"): an organisation's short name, not a person's. */
    static boolean isAcronym(String n) {
        return ACRONYM.matcher(n).matches();
    }

    /** Whether a text is, letter for letter, one of the site's names ("Jobs & Hire" for the site "Jobs & Hire"). */
    static boolean isSiteName(String text, List<String> siteNames) {
        String k = key(text);
        for (String s : siteNames) {
            if (s != null && k.length() >= 3 && k.equals(key(s))) {
                return true;
            }
        }
        return false;
    }

    private static String key(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
