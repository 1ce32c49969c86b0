package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> texts(String s) {
        return Tokenizer.tokenize(s).stream().map(Tokenizer.Token::text).toList();
    }

    @Test
    void razdelRules() {
        assertEquals(List.of("Москва-Баку", ",", "3.5", "1/2", "...", "кто-то", "«", "АВС", "»", ":)", "Yahoo!"),
                texts("Москва-Баку, 3.5 1/2 ... кто-то «АВС» :) Yahoo!"));
        assertEquals(List.of("Blinken", "'", "s", "U", ".", "S", "."), texts("Blinken's U.S."));
    }

    @Test
    void codePointOffsets() {
        String s = "a😀b";
        int[] cp = Tokenizer.codePointOffsets(s);
        assertEquals(0, cp[0]);
        assertEquals(1, cp[1]);
        assertEquals(2, cp[3]);
        assertEquals(3, cp[4]);
    }
}
