package io.newsflow.enrich.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class WordsTest {

    static final String TEXT = "Посол России — Лаврова и БЛИНКЕНА; Ёлка, ёжик: talks in Geneva 2021 "
            + "naïve café 𝐀𝐁 (math) Straße ΣΟΦΙΑ. Российско-американского";

    @Test
    void wordsHaveCodePointAndCharOffsetsAndNormalisedForms() {
        List<Words.Word> words = Words.of(TEXT);
        assertEquals("посол", words.get(0).norm());
        assertEquals("елка", words.get(5).norm());
        assertEquals("ежик", words.get(6).norm());
        Words.Word last = words.get(words.size() - 1);
        assertEquals("американского", last.norm());
        assertEquals("американского", last.text(TEXT).toLowerCase());
        assertEquals(TEXT.codePointCount(0, TEXT.length()), last.end());
        assertEquals(TEXT.length(), last.charEnd());
    }

    @Test
    void theOnePassScanAgreesWithBoundsAndHashes() {
        Words.Scan scan = Words.scan(TEXT);
        int[] bounds = Words.bounds(TEXT);
        assertEquals(bounds.length / 4, scan.count());
        assertArrayEquals(bounds, Arrays.copyOf(scan.bounds(), bounds.length));
        for (int i = 0; i < scan.count(); i++) {
            String word = TEXT.substring(bounds[4 * i + 2], bounds[4 * i + 3]);
            if (word.codePoints().count() == word.length()) {
                assertEquals(Words.normHash64(word, 0, word.length()), scan.hashes()[i], word);
                assertEquals(Words.normHash64(Words.norm(word), 0, word.length()), scan.hashes()[i], word);
            }
        }
        assertEquals(Words.scan("ЛАВРОВА").hashes()[0], Words.scan("лаврова").hashes()[0]);
    }
}
