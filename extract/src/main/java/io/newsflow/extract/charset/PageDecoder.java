package io.newsflow.extract.charset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes page bytes to text: BOM, then the HTTP content-type, then {@code <meta charset>}, then detection.
 *
 * <p>A declaration is only trusted when the bytes agree with it: pages that declare UTF-8 but are
 * windows-1251, or declare nothing at all, are common in Russian news, so the bytes always get the last word.
 */
public final class PageDecoder {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset KOI8_R = Charset.forName("KOI8-R");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** How far into the page a {@code <meta charset>} is looked for; HTML puts it in the first 1024 bytes, sites do not. */
    private static final int META_SCAN_BYTES = 16 * 1024;

    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:\\-]+)",
            Pattern.CASE_INSENSITIVE);
    static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    /**
     * The charset {@link #decode} picks for page bytes, where the choice came from, and whether the bytes are valid
     * UTF-8 throughout (then the choice was made without decoding them).
     *
     * @param bomLength how many leading bytes are a byte-order mark
     */
    public record Choice(Charset charset, DecodedPage.Source source, int bomLength, boolean validUtf8) {

        /**
         * Whether any slice of the bytes cut at an ASCII character decodes to the same characters as it does within
         * the whole page: valid UTF-8, or a single-byte ASCII-compatible charset.
         */
        public boolean sliceable() {
            return bomLength == 0 && (validUtf8 || isSingleByteAscii(charset));
        }
    }

    private static boolean isSingleByteAscii(Charset c) {
        String n = c.name();
        return n.startsWith("windows-125") || n.startsWith("ISO-8859-") || n.startsWith("KOI8-") || n.equals("US-ASCII");
    }

    /** Decodes {@code bytes}; {@code contentType} is the HTTP header value, or null. */
    public static DecodedPage decode(byte[] bytes, String contentType) {
        Utf8View utf8 = new Utf8View(bytes);
        Choice c = choose(bytes, contentType, utf8);
        String text = c.bomLength() > 0 ? lenient(bytes, c.bomLength(), c.charset())
                : c.charset().equals(StandardCharsets.UTF_8) ? utf8.text() : lenient(bytes, 0, c.charset());
        return new DecodedPage(text, c.charset(), c.source());
    }

    /** The charset {@link #decode} would pick for {@code bytes}, found without decoding valid UTF-8. */
    public static Choice choose(byte[] bytes, String contentType) {
        return choose(bytes, contentType, new Utf8View(bytes));
    }

    private static Choice choose(byte[] bytes, String contentType, Utf8View utf8) {
        // 1. A byte-order mark is unambiguous and overrides every declaration (as browsers do).
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Choice(StandardCharsets.UTF_8, DecodedPage.Source.BOM, 3, false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Choice(StandardCharsets.UTF_16LE, DecodedPage.Source.BOM, 2, false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Choice(StandardCharsets.UTF_16BE, DecodedPage.Source.BOM, 2, false);
        }
        Charset http = contentType == null ? null : charsetIn(CONTENT_TYPE_CHARSET.matcher(contentType));
        if (http != null && agrees(bytes, http, utf8)) {
            return choice(http, DecodedPage.Source.HTTP, utf8);
        }
        Charset meta = metaCharset(
                new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1));
        if (meta != null && agrees(bytes, meta, utf8)) {
            return choice(meta, DecodedPage.Source.META, utf8);
        }
        Charset detected = detect(bytes, utf8);
        return choice(detected, http == null && meta == null && detected.equals(StandardCharsets.UTF_8)
                && !utf8.multiByte() ? DecodedPage.Source.DEFAULT : DecodedPage.Source.DETECTED, utf8);
    }

    private static Choice choice(Charset charset, DecodedPage.Source source, Utf8View utf8) {
        return new Choice(charset, source, 0, charset.equals(StandardCharsets.UTF_8) && utf8.valid());
    }

    /** The bytes decoded as UTF-8, and what that decoding says about them. */
    private static final class Utf8View {
        private final byte[] bytes;
        /** The UTF-16 length of the bytes when they are valid UTF-8 throughout, else -1. */
        private final int validLength;
        private String text;
        private int invalid = -1;

        Utf8View(byte[] bytes) {
            this.bytes = bytes;
            this.validLength = Utf8.validLength(bytes);
        }

        boolean valid() {
            return validLength >= 0;
        }

        String text() {
            if (text == null) {
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            return text;
        }

        /**
         * Invalid sequences: replacement characters in the decoded text, less those the page itself contains as the
         * valid bytes EF BF BD (pages do carry U+FFFD, in minified CSS and in text a CMS already mangled; counting
         * those made a UTF-8 page with few accented letters look invalid and fall to a Cyrillic guess).
         */
        int invalid() {
            if (valid()) {
                return 0;
            }
            if (invalid < 0) {
                String t = text();
                int n = 0;
                for (int i = t.indexOf('\uFFFD'); i >= 0; i = t.indexOf('\uFFFD', i + 1)) {
                    n++;
                }
                for (int i = 0; n > 0 && i + 2 < bytes.length; i++) {
                    if (bytes[i] == (byte) 0xEF && bytes[i + 1] == (byte) 0xBF && bytes[i + 2] == (byte) 0xBD) {
                        n--;
                        i += 2;
                    }
                }
                invalid = Math.max(0, n);
            }
            return invalid;
        }

        /** Bytes that went into multi-byte characters beyond one each: zero for pure ASCII. */
        int extraBytes() {
            return bytes.length - (valid() ? validLength : text().length());
        }

        boolean multiByte() {
            return extraBytes() > 0;
        }

        /** Valid UTF-8, allowing a few broken sequences in a page that is clearly UTF-8 otherwise. */
        boolean plausible() {
            return invalid() == 0 || invalid() * 50 < extraBytes();
        }
    }

    /**
     * Guesses the charset of undeclared bytes: valid UTF-8 with multi-byte sequences is UTF-8 (random legacy text
     * almost never is); dense high bytes are Cyrillic (windows-1251 or KOI8-R, told apart by letter frequencies);
     * sparse ones are Western European.
     */
    public static Charset detect(byte[] bytes) {
        return detect(bytes, new Utf8View(bytes));
    }

    private static Charset detect(byte[] bytes, Utf8View utf8) {
        if (utf8.plausible()) {
            // A few broken sequences in a UTF-8 page are still a UTF-8 page.
            return StandardCharsets.UTF_8;
        }
        int high = 0;
        int highPairs = 0;
        long cp1251Score = 0;
        long koi8Score = 0;
        boolean previousHigh = false;
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (b >= 0x80) {
                high++;
                if (previousHigh) {
                    highPairs++;
                }
                cp1251Score += CP1251_WEIGHT[b - 0x80];
                koi8Score += KOI8_WEIGHT[b - 0x80];
                previousHigh = true;
            } else {
                previousHigh = false;
            }
        }
        // Cyrillic words are runs of high bytes; Western accents are single high bytes between ASCII letters.
        if (high > 0 && highPairs * 2 > high) {
            return koi8Score > cp1251Score ? KOI8_R : WINDOWS_1251;
        }
        return WINDOWS_1252;
    }

    // Weights of the most frequent Russian lower-case letters (о е а и н т с р в л) at their byte positions in each
    // charset: the right charset puts the common letters where the bytes are.
    private static final int[] CP1251_WEIGHT = new int[128];
    private static final int[] KOI8_WEIGHT = new int[128];

    static {
        String common = "оеаинтсрвлкмдпу";
        for (int i = 0; i < common.length(); i++) {
            int weight = common.length() - i;
            String letter = String.valueOf(common.charAt(i));
            CP1251_WEIGHT[(letter.getBytes(WINDOWS_1251)[0] & 0xFF) - 0x80] = weight;
            KOI8_WEIGHT[(letter.getBytes(KOI8_R)[0] & 0xFF) - 0x80] = weight;
        }
    }

    /** Whether the bytes are plausibly in {@code declared}: a UTF-8 claim must be (nearly) valid UTF-8. */
    private static boolean agrees(byte[] bytes, Charset declared, Utf8View utf8) {
        if (declared.equals(StandardCharsets.UTF_8)) {
            return utf8.plausible();
        }
        if (declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32")) {
            // A page that says UTF-16 inside an ASCII-compatible meta tag cannot really be UTF-16.
            return false;
        }
        // Legacy declarations are often stale after a site moved to UTF-8: bytes that are (nearly) valid UTF-8 with
        // multi-byte sequences are UTF-8 (legacy text is almost never valid UTF-8 by accident, and decodes to a
        // U+FFFD every few characters when it is tried).
        if (utf8.multiByte() && utf8.plausible()) {
            return false;
        }
        if (isSingleByteLatin(declared)) {
            Charset guess = detect(bytes, utf8);
            return !(guess.equals(WINDOWS_1251) || guess.equals(KOI8_R));
        }
        return true;
    }

    private static boolean isSingleByteLatin(Charset c) {
        String n = c.name();
        return n.equals("ISO-8859-1") || n.equals("windows-1252") || n.equals("US-ASCII");
    }

    private static Charset metaCharset(String head) {
        String label = metaCharsetLabel(head);
        return label == null ? null : charsetNamed(label);
    }

    /** The label of the first {@code <meta>} that declares a charset, as {@code META_CHARSET.matcher(head).find()}. */
    static String metaCharsetLabel(String head) {
        Matcher m = META_CHARSET.matcher(head);
        // A match starts at "<meta": trying the pattern only there spares it a step through every byte of the head.
        for (int lt = head.indexOf('<'); lt >= 0; lt = head.indexOf('<', lt + 1)) {
            if (head.regionMatches(true, lt + 1, "meta", 0, 4) && m.region(lt, head.length()).lookingAt()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Charset charsetIn(Matcher m) {
        return m.find() ? charsetNamed(m.group(1)) : null;
    }

    private static Charset charsetNamed(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        // The WHATWG encoding standard maps these labels to their supersets; browsers decode them that way.
        switch (name) {
            case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1" -> name = "windows-1252";
            case "gb2312", "gbk" -> name = "GB18030";
            case "cp1251", "win-1251", "windows1251" -> name = "windows-1251";
            case "utf8" -> name = "UTF-8";
            case "koi8r" -> name = "KOI8-R";
            default -> {
            }
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the bytes begin with the given unsigned byte values (a byte-order mark, a file signature). */
    public static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes with replacement of malformed input: a broken byte must cost one character, not the page. */
    private static String lenient(byte[] bytes, int offset, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)) {
            return new String(bytes, offset, bytes.length - offset, charset);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, charset);
        }
    }
}
