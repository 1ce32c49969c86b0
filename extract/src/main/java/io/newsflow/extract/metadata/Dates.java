package io.newsflow.extract.metadata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the date-times pages write, machine-readable or in prose, to ISO-8601.
 *
 * <p>An offset is kept when the page gives one, and never invented when it does not: a wrong zone is worse than
 * none for ordering a story's versions.
 */
public final class Dates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*"
                    + "(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d))?)?");

    private static final Pattern RFC = Pattern.compile(
            "(?:[A-Za-z]{3},\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*"
                    + "(GMT|UTC|Z|[+-]\\d{4})?");

    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|[^0-9])");

    private static final Map<String, Integer> MONTHS = months();

    private static final String MONTH_WORD = "(январ[ьяе]|янв|феврал[ьяе]|фев|март[ае]?|мар|апрел[ьяе]|апр|ма[йяе]|"
            + "июн[ьяе]?|июл[ьяе]?|август[ае]?|авг|сентябр[ьяе]|сен|сент|октябр[ьяе]|окт|ноябр[ьяе]|ноя|декабр[ьяе]|дек|"
            + "january|february|march|april|may|june|july|august|september|october|november|december|"
            + "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
            + "januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|"
            + "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
            + "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
            + "janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|"
            + "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)";

    private static final String TIME = "(?:\\s*(?:,|в|at|um|à|às|a las|alle|ore|-|—|–|\\|)?\\s*(\\d{1,2})[:h.](\\d{2})"
            + "(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?(?!\\d))?";

    /** «26 июн 2021, 14:05», "26 June 2021", "26. Juni 2021 um 14:05", "26 juin 2021 à 14h05", "26 de junio de 2021". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(?:er)?\\.?\\s+(?:de\\s+)?" + MONTH_WORD + "\\.?,?\\s+(?:de\\s+)?((?:19|20)\\d{2})"
                    + "(?!\\d)" + TIME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "June 26, 2021 2:05 pm". */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + MONTH_WORD + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)" + TIME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "26.06.2021 14:05". */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?!\\d)" + TIME);

    /** Where matches of the patterns above can start: fromText tries them only there. */
    private static final Leftmost AT_NUMBERS = Leftmost.atNumbers();
    private static final Leftmost AT_MONTHS = Leftmost.atWordsOf(MONTH_WORD);

    private Dates() {
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT);

    /**
     * A UTC time-stamp shown in the zone of the page's country: a story published at 23:00Z in Berlin or 02:00Z in
     * Buenos Aires carries its readers' date. The instant stays the same; other offsets and local times are kept.
     */
    public static String inZone(String iso, ZoneId zone) {
        if (iso == null || zone == null || !(iso.endsWith("Z") || iso.endsWith("+00:00"))) {
            return iso;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(iso);
            OffsetDateTime local = t.atZoneSameInstant(zone).toOffsetDateTime();
            return local.getNano() == 0 ? SECONDS.format(local) : local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** Normalises a machine-readable date (ISO-8601 variants, RFC 1123); null when it is none. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        Matcher m = ISO.matcher(v);
        if (m.find() && m.start() <= 2) {
            return iso(m);
        }
        m = RFC.matcher(v);
        if (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                try {
                    LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), month,
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                    String zone = m.group(7);
                    if (zone == null) {
                        return format(t);
                    }
                    ZoneOffset off = zone.matches("[+-]\\d{4}") ? ZoneOffset.of(zone.substring(0, 3) + ":"
                            + zone.substring(3)) : ZoneOffset.UTC;
                    return OffsetDateTime.of(t, off).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        // Unix timestamps in seconds or milliseconds, as some CMSes write them.
        if (v.matches("1[0-9]{9}(\\d{3})?")) {
            long secs = v.length() == 13 ? Long.parseLong(v) / 1000 : Long.parseLong(v);
            return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(secs), ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return fromText(v);
    }

    private static String iso(Matcher m) {
        try {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            if (m.group(4) == null) {
                return LocalDate.of(y, mo, d).toString();
            }
            int nanos = 0;
            if (m.group(7) != null) {
                String f = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(f);
            }
            LocalDateTime t = LocalDateTime.of(y, mo, d, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            String zone = m.group(8);
            if (zone == null) {
                return format(t);
            }
            ZoneOffset off;
            if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
                off = ZoneOffset.UTC;
            } else {
                String z = zone.replace(":", "");
                off = z.length() == 3 ? ZoneOffset.of(z) : ZoneOffset.of(z.substring(0, 3) + ":" + z.substring(3));
            }
            return OffsetDateTime.of(t, off).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String format(LocalDateTime t) {
        return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** A date in a URL path such as {@code /2021/06/26/}; null when there is none. */
    public static String fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first date written in prose in {@code text} (Russian, English, German, French, Spanish), or null. */
    public static String fromText(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String best = null;
        int bestStart = Integer.MAX_VALUE;
        Matcher m = DAY_MONTH_YEAR.matcher(text);
        if (AT_NUMBERS.find(m, text)) {
            String r = build(m.group(3), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)), m.group(1), m.group(4),
                    m.group(5), m.group(6));
            if (r != null) {
                best = r;
                bestStart = m.start();
            }
        }
        m = MONTH_DAY_YEAR.matcher(text);
        if (AT_MONTHS.find(m, text) && m.start() < bestStart) {
            String r = build(m.group(3), MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)), m.group(2), m.group(4),
                    m.group(5), m.group(6));
            if (r != null) {
                best = r;
                bestStart = m.start();
            }
        }
        m = NUMERIC.matcher(text);
        if (AT_NUMBERS.find(m, text) && m.start() < bestStart) {
            String r = build(m.group(3), parseInt(m.group(2)), m.group(1), m.group(4), m.group(5), m.group(6));
            if (r != null) {
                best = r;
            }
        }
        return best;
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String build(String year, Integer month, String day, String hour, String minute, String ampm) {
        if (month == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
            if (hour == null) {
                return date.toString();
            }
            int h = Integer.parseInt(hour);
            if (ampm != null) {
                boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
                h = h % 12 + (pm ? 12 : 0);
            }
            return format(date.atTime(h, Integer.parseInt(minute)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"январь", "января", "январе", "янв", "january", "jan", "januar", "jänner", "janvier", "enero", "janeiro", "gennaio"},
            {"февраль", "февраля", "феврале", "фев", "february", "feb", "februar", "février", "fevrier", "febrero", "fevereiro",
                "febbraio"},
            {"март", "марта", "марте", "мар", "march", "mar", "märz", "mars", "marzo", "março", "marco"},
            {"апрель", "апреля", "апреле", "апр", "april", "apr", "avril", "abril", "aprile"},
            {"май", "мая", "мае", "may", "mai", "mayo", "maio", "maggio"},
            {"июнь", "июня", "июне", "июн", "june", "jun", "juni", "juin", "junio", "junho", "giugno"},
            {"июль", "июля", "июле", "июл", "july", "jul", "juli", "juillet", "julio", "julho", "luglio"},
            {"август", "августа", "августе", "авг", "august", "aug", "août", "aout", "agosto"},
            {"сентябрь", "сентября", "сентябре", "сен", "сент", "september", "sep", "sept", "septembre", "septiembre",
                "setiembre", "setembro", "settembre"},
            {"октябрь", "октября", "октябре", "окт", "october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre"},
            {"ноябрь", "ноября", "ноябре", "ноя", "november", "nov", "novembre", "noviembre", "novembro"},
            {"декабрь", "декабря", "декабре", "дек", "december", "dec", "dezember", "décembre", "decembre",
                "diciembre", "dezembro", "dicembre"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
