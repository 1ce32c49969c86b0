package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void guessesByScriptAndFunctionWords() {
        assertEquals("ru", LanguageGuess.guess("Россия рассчитывает провести встречу делегаций в ближайшее время."));
        assertEquals("uk", LanguageGuess.guess("Україна і Європа: що змінилося після зустрічі в Женеві та які є ризики."));
        assertEquals("en", LanguageGuess.guess("The council said that the service was expected to run in the city."));
        assertEquals("de", LanguageGuess.guess("Die Stadt hat die neue Brücke für den Verkehr freigegeben, und der Club ist nicht zufrieden."));
        assertEquals("es", LanguageGuess.guess("Las bibliotecas abrirán durante el verano para los estudiantes que lo necesitan."));
        assertEquals("fr", LanguageGuess.guess("Les vendanges commencent dans la vallée et les équipes sont rappelées pour le travail."));
        assertEquals("ja", LanguageGuess.guess("今回はそのKindleデスクトップアプリに関する話です。ショートカットキーが同じなのです。"));
        assertNull(LanguageGuess.guess("42"));
    }
}
