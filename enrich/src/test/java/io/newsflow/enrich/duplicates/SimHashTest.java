package io.newsflow.enrich.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** SimHash fingerprints: copies with other boilerplate or a few edits are near, other stories are far. */
public class SimHashTest {

    static final int T = FingerprintIndex.DEFAULT_THRESHOLD;

    public static String fixture(String name) {
        try (InputStream in = SimHashTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long fp(String text) {
        OptionalLong fp = SimHash.of(text);
        assertTrue(fp.isPresent(), "a fingerprint for " + text.substring(0, 40));
        return fp.getAsLong();
    }

    /** The story as another site republishes it: its own header, footer and punctuation. */
    public static String withOtherBoilerplate(String story, boolean russian) {
        return russian
                ? "Новости партнёров\n\n" + story.replace("«", "\"").replace("»", "\"").replace(" — ", " - ")
                        + "\n\nПодписывайтесь на наш канал в Telegram\n\nИсточник: ТАСС"
                : "Breaking news\n\n" + story.replace("'", "’")
                        + "\n\nFollow us on social media\n\nSource: wire services";
    }

    /** A handful of words changed, as an editor does when updating a story. */
    static String edited(String story, List<String[]> edits) {
        String out = story;
        for (String[] edit : edits) {
            assertTrue(out.contains(edit[0]), edit[0]);
            out = out.replace(edit[0], edit[1]);
        }
        return out;
    }

    static final List<String[]> RU_EDITS = List.of(new String[] {"в понедельник", "во вторник"},
            new String[] {"семь станций", "восемь станций"}, new String[] {"двадцать минут", "двадцать пять минут"},
            new String[] {"Жители района ранее", "Местные жители ранее"});
    static final List<String[]> EN_EDITS = List.of(new String[] {"forty thousand", "fifty thousand"},
            new String[] {"on Wednesday morning", "on Wednesday"}, new String[] {"three districts", "four districts"},
            new String[] {"on Friday", "on Saturday"});

    @Test
    void sameStoryWithOtherBoilerplateOrAFewEditsIsNear() {
        for (String[] c : new String[][] {{"ru-metro.txt", "ru"}, {"en-storm.txt", "en"}}) {
            String story = fixture(c[0]);
            boolean ru = c[1].equals("ru");
            long original = fp(story);
            int boilerplate = SimHash.distance(original, fp(withOtherBoilerplate(story, ru)));
            int edits = SimHash.distance(original, fp(edited(story, ru ? RU_EDITS : EN_EDITS)));
            int both = SimHash.distance(original, fp(withOtherBoilerplate(edited(story, ru ? RU_EDITS : EN_EDITS), ru)));
            System.out.printf("%s: boilerplate %d bits, edits %d, both %d (threshold %d)%n", c[0], boilerplate, edits,
                    both, T);
            assertTrue(boilerplate <= T, c[0] + " boilerplate " + boilerplate);
            assertTrue(edits <= T, c[0] + " edits " + edits);
            assertTrue(both <= T, c[0] + " both " + both);
        }
    }

    @Test
    void differentStoriesOnTheSameSubjectAreFar() {
        for (String[] c : new String[][] {{"ru-metro.txt", "ru-metro-other.txt"}, {"en-storm.txt", "en-storm-other.txt"},
                {"ru-metro.txt", "en-storm.txt"}}) {
            int d = SimHash.distance(fp(fixture(c[0])), fp(fixture(c[1])));
            System.out.printf("%s vs %s: %d bits%n", c[0], c[1], d);
            assertTrue(d > 2 * T, c[0] + " vs " + c[1] + ": " + d);
        }
    }

    @Test
    void shortTextsGetNoFingerprint() {
        assertTrue(SimHash.of(null).isEmpty());
        assertTrue(SimHash.of("").isEmpty());
        assertTrue(SimHash.of("Пожар на складе потушен, пострадавших нет.").isEmpty());
        String twentyNine = "word ".repeat(SimHash.MIN_WORDS - 1);
        assertTrue(SimHash.of(twentyNine).isEmpty());
        assertTrue(SimHash.of(twentyNine + "more").isPresent());
        assertTrue(SimHash.of("— … !!! ,,, " + "« » ".repeat(100)).isEmpty(), "punctuation is not words");
    }

    @Test
    void normalisationFoldsCaseWidthYoAndPunctuation() {
        assertEquals(List.of("ещe", "abc", "123", "елка"), SimHash.words("  «ЕЩe» —  ＡＢＣ, １２３ ёлка!"));
        assertEquals(SimHash.of(fixture("ru-metro.txt")), SimHash.of(fixture("ru-metro.txt").toUpperCase()));
    }

    @Test
    void fingerprintsAreFixedValues() {
        // Pinned: a change here changes every fingerprint in the topic (bump the fingerprint schema then).
        assertEquals("af63dc4c8601ec8c", Long.toHexString(fnv1aOnly("a")));
        System.out.printf("ru-metro %016x, en-storm %016x%n", fp(fixture("ru-metro.txt")), fp(fixture("en-storm.txt")));
    }

    /**
     * The fingerprint as the definition reads: each distinct shingle of {@link SimHash#words} joined by spaces,
     * hashed as a string, and one vote per bit. {@link SimHash#of} hashes byte ranges in place and must agree.
     */
    private static OptionalLong byDefinition(String text) {
        List<String> words = SimHash.words(text);
        if (words.size() < SimHash.MIN_WORDS) {
            return OptionalLong.empty();
        }
        java.util.Set<String> shingles = new java.util.TreeSet<>();
        for (int i = 0; i + SimHash.SHINGLE_WORDS <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SimHash.SHINGLE_WORDS)));
        }
        java.util.Set<Long> hashes = new java.util.HashSet<>();
        for (String sh : shingles) {
            hashes.add(SimHash.hash(sh));
        }
        int[] votes = new int[64];
        for (long h : hashes) {
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long fp = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fp |= 1L << bit;
            }
        }
        return OptionalLong.of(fp);
    }

    @Test
    void inPlaceShingleHashesMatchTheDefinition() {
        String ru = fixture("ru-metro.txt");
        String en = fixture("en-storm.txt");
        List<String> texts = List.of(ru, en, withOtherBoilerplate(ru, true), withOtherBoilerplate(en, false),
                "  «ЕЩe» —  ＡＢＣ, １２３ ёлка! " + en + " 😀 naïve café ", ru.substring(0, 200), "", " . , ");
        for (String t : texts) {
            assertEquals(byDefinition(t), SimHash.of(t), t.length() > 40 ? t.substring(0, 40) : t);
        }
    }

    /** The FNV-1a test vector for "a", to check the constants. */
    private static long fnv1aOnly(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
