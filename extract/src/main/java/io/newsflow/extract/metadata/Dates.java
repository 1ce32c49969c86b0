package io.newsflow.extract.metadata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /**
     * Month names and their abbreviations, January first: Russian (nominative, genitive, prepositional), English,
     * German (with Austrian "Jänner"), French, Spanish, Portuguese, Italian, Dutch, Polish (genitive, as dates write
     * it). Ambiguous short forms are left out: Portuguese "set"/"out" and Italian "gen" are common words.
     */
    private static final String[][] MONTH_NAMES = {
        {"январь", "января", "январе", "янв", "january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero",
            "ene", "janeiro", "gennaio", "januari", "stycznia"},
        {"февраль", "февраля", "феврале", "фев", "february", "feb", "februar", "février", "fevrier", "févr", "fevr",
            "febrero", "fevereiro", "fev", "febbraio", "februari", "lutego"},
        {"март", "марта", "марте", "мар", "march", "mar", "märz", "mär", "mrz", "mars", "marzo", "março", "marco",
            "maart", "marca"},
        {"апрель", "апреля", "апреле", "апр", "april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia"},
        {"май", "мая", "мае", "may", "mai", "mayo", "maio", "maggio", "mei", "maja"},
        {"июнь", "июня", "июне", "июн", "june", "jun", "juni", "juin", "junio", "junho", "giugno", "czerwca"},
        {"июль", "июля", "июле", "июл", "july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lipca"},
        {"август", "августа", "августе", "авг", "august", "aug", "août", "aout", "agosto", "ago", "augustus",
            "sierpnia"},
        {"сентябрь", "сентября", "сентябре", "сен", "сент", "september", "sep", "sept", "septembre", "septiembre",
            "setiembre", "setembro", "settembre", "września"},
        {"октябрь", "октября", "октябре", "окт", "october", "oct", "oktober", "okt", "octobre", "octubre", "outubro",
            "ottobre", "października"},
        {"ноябрь", "ноября", "ноябре", "ноя", "november", "nov", "novembre", "noviembre", "novembro", "listopada"},
        {"декабрь", "декабря", "декабре", "дек", "december", "dec", "dezember", "dez", "décembre", "decembre", "déc",
            "diciembre", "dic", "dezembro", "dicembre", "grudnia"},
    };

    private static final Map<String, Integer> MONTHS = months();

    /** The month names as one group, longest first. */
    private static final String MONTH_WORD = "(" + String.join("|", MONTHS.keySet().stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(x -> x)).toList()) + ")";

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

    /**
     * "26.06.2021 14:05". Not four digits glued to a time's colon: "28.09.1912:44" is "28.09.19" and "12:44" from two
     * adjacent elements whose text jsoup joins without a space.
     */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?!\\d|:\\d)" + TIME);

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

    private static final Pattern LOCAL_DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?");

    /**
     * The page's offset, read from a {@code <time datetime>} that writes the declared UTC instant as the local time
     * the page shows ("2023-11-08 23:30:59" for 2023-11-09T05:30:59Z: -06:00); null when the two are not the same
     * minute and second, or the local one carries its own offset.
     */
    public static ZoneOffset offsetShown(String utc, String local) {
        if (utc == null || local == null || !(utc.endsWith("Z") || utc.endsWith("+00:00"))) {
            return null;
        }
        Matcher m = LOCAL_DATE_TIME.matcher(local.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime shown = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
            LocalDateTime declared = OffsetDateTime.parse(utc).toLocalDateTime();
            long minutes = java.time.Duration.between(declared, shown).toMinutes();
            // Whole quarter hours within the world's offsets, and not zero: a UTC page tells no zone.
            if (minutes == 0 || minutes % 15 != 0 || Math.abs(minutes) > 14 * 60
                    || shown.getSecond() != declared.getSecond()) {
                return null;
            }
            return ZoneOffset.ofTotalSeconds((int) minutes * 60);
        } catch (java.time.DateTimeException e) {
            return null;
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
        try {
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString();
            }
            // "/meldungen/29-10-2021", "/23.01.2022-headline": day and month in either order, read only where the
            // numbers settle which is the day (one of them over 12).
            m = URL_DAY_FIRST.matcher(url);
            if (m.find()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(3));
                if (a > 12 == b > 12) {
                    return null;
                }
                return LocalDate.of(Integer.parseInt(m.group(4)), a > 12 ? b : a, a > 12 ? a : b).toString();
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Day and month (either order), then the year, joined by one separator: "/29-10-2021", "_22.04.2020_". */
    private static final Pattern URL_DAY_FIRST = Pattern.compile(
            "[/_-](\\d{1,2})([-_.])(\\d{1,2})\\2((?:19|20)\\d{2})(?:/|[^0-9]|$)");

    /** The first date written in prose in {@code text} (Russian, English, German, French, Spanish), or null. */
    public static String fromText(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        // Each form's leftmost match only: one whose time cannot be (a range "28.01.2022 – 29.01.2022" read as
        // 29:01) gives nothing, and a page's dateline further on usually wins over the first form it could be.
        Marks marks = marks(text);
        Written best = null;
        for (int p = 0; p < WRITTEN.length; p++) {
            Matcher m = WRITTEN[p].matcher(text).useTransparentBounds(true);
            if (leftmost(p, m, text, marks) && (best == null || m.start() < best.start())) {
                Written w = written(p, m, false);
                if (w != null) {
                    best = w;
                }
            }
        }
        return best == null ? null : best.value();
    }

    /**
     * Positions {@code m}, a matcher of {@code WRITTEN[pattern]}, at its leftmost match in {@code text}, as
     * {@code m.find()} would; false when there is none. It is tried only where {@link #allWritten} tries it: at the
     * numbers or month words where a match can start, so the ~180-name alternation runs at few places.
     */
    private static boolean leftmost(int pattern, Matcher m, String text, Marks marks) {
        int n = text.length();
        for (int i : pattern == 1 ? marks.monthWords() : marks.numbers()) {
            boolean possible = switch (pattern) {
                case 0 -> dayBeforeMonth(text, i, marks.monthWords());
                case 2 -> dayThen(text, i, '.');
                default -> true;
            };
            if (possible && m.region(i, n).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A date written in text: its day, its value as {@link #fromText} gives it (with the time when one is written
     * beside it) and where it starts in the text.
     */
    record Written(LocalDate day, String value, int start) {
    }

    /** "06.11.23": a day with a two-digit year, read as 20yy; also glued to a time ("28.09.1912:44"). */
    private static final Pattern NUMERIC_SHORT = Pattern.compile(
            "(?<![\\w.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})(?:(?=\\d{1,2}:\\d{2}(?!\\d))|(?![\\d.]))");

    /** "03/05/2022": day and month in either order. */
    private static final Pattern SLASHED = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])");

    /** A day written year first: "2025.05.15", "2026-01-08", "2025/01/13", "2025年1月13日", "2025년 5월 15일". */
    private static final Pattern YEAR_FIRST = Pattern.compile("(?<![\\d./-])((?:19|20)\\d{2})(?:([./-])(\\d{1,2})\\2"
            + "(\\d{1,2})(?![\\d./-])|\\s?[年년]\\s?(\\d{1,2})\\s?[月월]\\s?(\\d{1,2})\\s?[日일])");

    /** "03/05/2022" or "30/10/23": day and month in either order, the year in four digits or two. */
    private static final Pattern SLASHED_ANY_YEAR = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2}|\\d{2})(?![\\d/])");

    /**
     * The day of the first numeric date in {@code text}: one written year first, "12.12.22", or "03/05/2022" read
     * as the page's language writes it (day first, as most of the world does; month first in American English; none
     * when either reading could be and the page's English names no country). Null when there is none.
     */
    static String numericDay(String text, String language) {
        Matcher slashed = SLASHED_ANY_YEAR.matcher(text);
        Matcher yearFirst = YEAR_FIRST.matcher(text);
        Matcher dotted = NUMERIC_SHORT.matcher(text);
        int s = slashed.find() ? slashed.start() : Integer.MAX_VALUE;
        int y = yearFirst.find() ? yearFirst.start() : Integer.MAX_VALUE;
        int d = dotted.find() ? dotted.start() : Integer.MAX_VALUE;
        if (y < s && y < d) {
            int year = Integer.parseInt(yearFirst.group(1));
            boolean cjk = yearFirst.group(2) == null;
            return day(year, Integer.parseInt(yearFirst.group(cjk ? 5 : 3)),
                    Integer.parseInt(yearFirst.group(cjk ? 6 : 4)));
        }
        if (d < s) {
            return day(2000 + Integer.parseInt(dotted.group(3)), Integer.parseInt(dotted.group(2)),
                    Integer.parseInt(dotted.group(1)));
        }
        if (s == Integer.MAX_VALUE) {
            return null;
        }
        int a = Integer.parseInt(slashed.group(1));
        int b = Integer.parseInt(slashed.group(2));
        int year = Integer.parseInt(slashed.group(3));
        year = year < 100 ? 2000 + year : year;
        String lang = language.toLowerCase(Locale.ROOT).replace('_', '-');
        if (a <= 12 && b <= 12 && lang.equals("en")) {
            return null;
        }
        boolean monthFirst = b > 12 || a <= 12 && lang.equals("en-us");
        return monthFirst ? day(year, a, b) : day(year, b, a);
    }

    private static String day(int year, int month, int day) {
        LocalDate d = validDay(year, month, day);
        return d == null ? null : d.toString();
    }

    /** "2022-05-03" in running text. */
    private static final Pattern ISO_IN_TEXT = Pattern.compile("(?<![\\d-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?![\\d-])");

    /**
     * Every valid date written in {@code text}, in text order: the forms {@link #fromText} reads, and the numeric
     * ones it leaves out, "06.11.23", "03/05/2022" (both readings when day and month could be either, day first)
     * and "2022-05-03". A time that cannot be (the next day of a range read as one) leaves the date without it.
     */
    static List<Written> allWritten(String text) {
        return allWritten(text, marks(text));
    }

    /** {@link #allWritten(String)} given the text's {@link #marks}. */
    static List<Written> allWritten(String text, Marks marks) {
        return allWritten(text, marks, false);
    }

    /**
     * {@link #allWritten(String, int[])}; when {@code settled}, only the dates whose match never read up to the end of
     * {@code text}: those stay the same whatever text follows, so a date found in a prefix is one of the whole text's.
     */
    private static List<Written> allWritten(String text, Marks marks, boolean settled) {
        List<Written> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int[] numbers = marks.numbers();
        int[] monthWords = marks.monthWords();
        if (monthWords.length > 0) {
            Matcher m = DAY_MONTH_YEAR.matcher(text).useTransparentBounds(true);
            for (int i : numbers) {
                if (dayBeforeMonth(text, i, monthWords) && matches(m.region(i, n), settled)) {
                    addWritten(out, written(0, m, true));
                }
            }
            m = MONTH_DAY_YEAR.matcher(text).useTransparentBounds(true);
            for (int k : monthWords) {
                if (matches(m.region(k, n), settled)) {
                    addWritten(out, written(1, m, true));
                }
            }
        }
        Matcher numeric = NUMERIC.matcher(text).useTransparentBounds(true);
        for (int i : numbers) {
            if (dayThen(text, i, '.') && matches(numeric.region(i, n), settled)) {
                addWritten(out, written(2, numeric, true));
            }
        }
        for (Pattern p : new Pattern[] {NUMERIC_SHORT, SLASHED, ISO_IN_TEXT}) {
            Matcher m = p.matcher(text).useTransparentBounds(true);
            for (int i : numbers) {
                boolean possible = p == ISO_IN_TEXT ? i + 4 < n && text.charAt(i + 4) == '-'
                        : dayThen(text, i, p == SLASHED ? '/' : '.');
                if (!possible || !matches(m.region(i, n), settled)) {
                    continue;
                }
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int c = Integer.parseInt(m.group(3));
                if (p == NUMERIC_SHORT) {
                    addDay(out, 2000 + c, b, a, m.start());
                } else if (p == SLASHED) {
                    addDay(out, c, b, a, m.start());
                    addDay(out, c, a, b, m.start());
                } else {
                    addDay(out, a, b, c, m.start());
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Written::start)); // a stable sort: day-first reading first
        return out;
    }

    /** A match at the region's start; when {@code settled}, only one that did not read up to the text's end. */
    private static boolean matches(Matcher m, boolean settled) {
        return m.lookingAt() && !(settled && m.hitEnd());
    }

    /**
     * Whether {@code prefix}, the start of a longer text, writes {@code day}, or its day and month, in a form
     * {@link #allWritten} or {@link #monthDaysWritten} reads, with a match the rest of the text cannot change. When
     * true, the whole text writes it too; when false, it may still.
     */
    static boolean prefixWrites(String prefix, LocalDate day) {
        Marks marks = marks(prefix);
        for (Written w : allWritten(prefix, marks, true)) {
            if (w.day().equals(day)) {
                return true;
            }
        }
        return monthDaysWritten(prefix, marks, true).contains(java.time.MonthDay.from(day));
    }

    /**
     * Where a text's numbers start (an ASCII digit no digit precedes: the only places the numeric patterns can match)
     * and where its words that are month names start (every month-name pattern wants the name whole, no letter before
     * or after it, so its matches can start, or reach their name, only at these words); both in text order.
     */
    record Marks(int[] numbers, int[] monthWords) {
    }

    /**
     * The {@link Marks} of {@code text}, found in one pass over its characters: a hash look-up per word that could
     * be a month name instead of the patterns' ~180-name alternation tried wherever two letters could begin a name.
     */
    static Marks marks(String text) {
        if (text == null) {
            return new Marks(new int[0], new int[0]);
        }
        char[] c = text.toCharArray();
        int n = c.length;
        int[] numbers = new int[16];
        int numberCount = 0;
        int[] words = new int[16];
        int wordCount = 0;
        int i = 0;
        while (i < n) {
            char x = c[i];
            if (x >= '0' && x <= '9') {
                if (numberCount == numbers.length) {
                    numbers = Arrays.copyOf(numbers, numberCount * 2);
                }
                numbers[numberCount++] = i;
                do {
                    i++;
                } while (i < n && c[i] >= '0' && c[i] <= '9');
            } else if (isLetter(x)) {
                // A letter found here starts a word: the loop steps over each word whole.
                int j = i + 1;
                while (j < n && isLetter(c[j])) {
                    j++;
                }
                if (isMonthName(c, i, j, text)) {
                    if (wordCount == words.length) {
                        words = Arrays.copyOf(words, wordCount * 2);
                    }
                    words[wordCount++] = i;
                }
                i = j;
            } else {
                i++;
            }
        }
        return new Marks(Arrays.copyOf(numbers, numberCount), Arrays.copyOf(words, wordCount));
    }

    /** Whether the word {@code c[start, end)} (of {@code text}) is a month name, case aside. */
    private static boolean isMonthName(char[] c, int start, int end, String text) {
        int length = end - start;
        if (length < SHORTEST_MONTH || length > LONGEST_MONTH) {
            return false;
        }
        char first = fold(c[start]);
        char second = fold(c[start + 1]);
        int pair = (first & 0xFF) << 8 | second & 0xFF;
        // Most words fail the table of first-letter pairs, before any search or string.
        if ((MONTH_PAIRS[pair >>> 6] & 1L << pair) == 0) {
            return false;
        }
        return Arrays.binarySearch(MONTH_SHAPES, (long) first << 32 | (long) second << 16 | length) >= 0
                && FOLDED_MONTHS.contains(fold(text.substring(start, end)));
    }

    /** Whether the number at {@code i} has one or two digits and then {@code separator}, as "26.06." and "03/05/" do. */
    private static boolean dayThen(String text, int i, char separator) {
        int n = text.length();
        return i + 1 < n && text.charAt(i + 1) == separator
                || i + 2 < n && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9'
                        && text.charAt(i + 2) == separator;
    }

    private static void addWritten(List<Written> out, Written w) {
        if (w != null) {
            out.add(w);
        }
    }

    /** The month names folded as the patterns' {@code CASE_INSENSITIVE | UNICODE_CASE} compares characters. */
    private static final Set<String> FOLDED_MONTHS = MONTHS.keySet().stream().map(Dates::fold)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final int SHORTEST_MONTH = MONTHS.keySet().stream().mapToInt(String::length).min().orElse(0);
    private static final int LONGEST_MONTH = MONTHS.keySet().stream().mapToInt(String::length).max().orElse(0);

    /**
     * The names' folded first two letters and length (first &lt;&lt; 32 | second &lt;&lt; 16 | length), sorted:
     * most words fail this before a look-up that needs the word as a string.
     */
    private static final long[] MONTH_SHAPES = FOLDED_MONTHS.stream().mapToLong(n -> shape(n, 0, n.length()))
            .distinct().sorted().toArray();

    /** The names' folded first two letters, each cut to its low byte, as a bit set: a quick no for most words. */
    private static final long[] MONTH_PAIRS = monthPairs();

    private static long[] monthPairs() {
        long[] bits = new long[1 << 10];
        for (String name : FOLDED_MONTHS) {
            int pair = (fold(name.charAt(0)) & 0xFF) << 8 | fold(name.charAt(1)) & 0xFF;
            bits[pair >>> 6] |= 1L << pair;
        }
        return bits;
    }

    private static long shape(String s, int start, int end) {
        return (long) fold(s.charAt(start)) << 32 | (long) fold(s.charAt(start + 1)) << 16 | (end - start);
    }

    private static String fold(String s) {
        char[] c = new char[s.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = fold(s.charAt(i));
        }
        return new String(c);
    }

    /** {@code Character.isLetter} (the patterns' {@code \p{L}} on a char), without its table look-up for ASCII. */
    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * Whether a day-first month pattern (DAY_MONTH_YEAR, DAY_MONTH) can match at {@code i}: a number starts there
     * and only what those patterns allow before the name (digits, "er", "de", dots, white space) lies between it and
     * the next month word. No month name is spelt with d, e and r alone, so a name the pattern reaches is that word.
     */
    private static boolean dayBeforeMonth(String text, int i, int[] monthWords) {
        char c = text.charAt(i);
        if (c < '0' || c > '9' || i > 0 && text.charAt(i - 1) >= '0' && text.charAt(i - 1) <= '9') {
            return false;
        }
        int w = Arrays.binarySearch(monthWords, i + 1);
        if (w < 0) {
            w = -w - 1;
        }
        if (w == monthWords.length) {
            return false;
        }
        for (int j = i; j < monthWords[w]; j++) {
            char x = text.charAt(j);
            char f = fold(x);
            boolean allowed = x >= '0' && x <= '9' || x == '.' || Character.isWhitespace(x)
                    || f == 'd' || f == 'e' || f == 'r';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The days of {@link #allWritten}: the days a text writes. */
    static Set<LocalDate> daysWritten(String text) {
        Set<LocalDate> days = new HashSet<>();
        for (Written w : allWritten(text)) {
            days.add(w.day());
        }
        return days;
    }

    /** "8 января", "3. Mai", "26 de junio": a day and month without the year. */
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(?:er)?\\.?\\s+(?:de\\s+)?" + MONTH_WORD + "(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "September 3", "Sept. 3rd". */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\p{L}])" + MONTH_WORD + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The days of the year a text writes with a month name, with or without the year: a news page often dates
     * today's stories "8 января, 17:46" and leaves the year out.
     */
    static Set<java.time.MonthDay> monthDaysWritten(String text) {
        return monthDaysWritten(text, marks(text));
    }

    /** {@link #monthDaysWritten(String)} given the text's {@link #marks}. */
    static Set<java.time.MonthDay> monthDaysWritten(String text, Marks marks) {
        return monthDaysWritten(text, marks, false);
    }

    private static Set<java.time.MonthDay> monthDaysWritten(String text, Marks marks, boolean settled) {
        Set<java.time.MonthDay> out = new HashSet<>();
        int[] monthWords = marks.monthWords();
        if (text == null || monthWords.length == 0) {
            return out;
        }
        int n = text.length();
        Matcher m = DAY_MONTH.matcher(text).useTransparentBounds(true);
        for (int i : marks.numbers()) {
            if (dayBeforeMonth(text, i, monthWords) && matches(m.region(i, n), settled)) {
                addMonthDay(out, MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)), Integer.parseInt(m.group(1)));
            }
        }
        m = MONTH_DAY.matcher(text).useTransparentBounds(true);
        for (int k : monthWords) {
            if (matches(m.region(k, n), settled)) {
                addMonthDay(out, MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)), Integer.parseInt(m.group(2)));
            }
        }
        return out;
    }

    private static void addMonthDay(Set<java.time.MonthDay> out, Integer month, int day) {
        if (month != null && day >= 1 && day <= java.time.Month.of(month).maxLength()) {
            out.add(java.time.MonthDay.of(month, day));
        }
    }

    private static void addDay(List<Written> out, int year, int month, int day, int start) {
        LocalDate d = validDay(year, month, day);
        if (d != null) {
            out.add(new Written(d, d.toString(), start));
        }
    }

    /** The day, or null when the month or the day does not exist ("31/02"). */
    private static LocalDate validDay(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                ? LocalDate.of(year, month, day) : null;
    }

    /** DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC: the order {@link #written} reads their groups in. */
    private static final Pattern[] WRITTEN = {DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC};

    private static Written written(int pattern, Matcher m, boolean dayWithoutBadTime) {
        String year = m.group(3);
        String day = pattern == 1 ? m.group(2) : m.group(1);
        Integer month = switch (pattern) {
            case 0 -> MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            case 1 -> MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            default -> parseInt(m.group(2));
        };
        String v = build(year, month, day, m.group(4), m.group(5), m.group(6));
        if (v == null && dayWithoutBadTime && m.group(4) != null) {
            v = build(year, month, day, null, null, null);
        }
        return v == null ? null : new Written(LocalDate.parse(v.substring(0, 10)), v, m.start());
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
        for (int i = 0; i < MONTH_NAMES.length; i++) {
            for (String n : MONTH_NAMES[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
