package io.newsflow.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newsflow.common.model.LanguageGuess;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ru|Министр иностранных дел заявил, что переговоры прошли в конструктивной атмосфере и будут продолжены.",
        "uk|Міністр закордонних справ заявив, що переговори пройшли в конструктивній атмосфері і будуть продовжені.",
        "en|The foreign minister said that the talks were held in a constructive atmosphere and would continue.",
        "de|Der Außenminister sagte, dass die Gespräche in einer konstruktiven Atmosphäre stattfanden.",
        "fr|Le ministre des affaires étrangères a déclaré que les pourparlers se sont déroulés dans une atmosphère constructive.",
        "es|El ministro de asuntos exteriores dijo que las conversaciones se celebraron en un ambiente constructivo.",
        "zh|外交部长表示，会谈在建设性的气氛中举行。",
        "ja|外務大臣は、会談は建設的な雰囲気の中で行われたと述べた。",
    })
    void detects(String code, String text) {
        LanguageGuess g = detector.detect(text, null);
        assertEquals(code, g.code(), text);
        assertTrue(g.confidence() > 0 && g.confidence() <= 1, g.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ru|The talks were held in a constructive atmosphere and will continue."})
    void theTextWinsOverAWrongDeclaration(String declared, String text) {
        assertEquals("en", detector.detect(text, declared).code());
    }
}
