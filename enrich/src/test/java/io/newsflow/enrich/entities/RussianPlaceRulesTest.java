package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The place rules after the Russian tagger: country names, lists of places, domain zones. */
class RussianPlaceRulesTest {

    private static List<String> mentions(List<Tokenizer.Token> tokens, String text, int[] labels) {
        List<String> out = new ArrayList<>();
        for (EntityRecognizer.Span s : EntityRecognizer.spans(tokens, labels)) {
            out.add(s.type() + " " + text.substring(s.start(), s.end()));
        }
        return out;
    }

    /** {@link EntityRecognizer#countries} over labels as the tagger might have set them, one label per token. */
    private static List<String> countries(String text, int... tagger) {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        int[] labels = java.util.Arrays.copyOf(tagger, tokens.size());
        int[] gaz = new int[tokens.size()];
        Features.standard().extract(text, tokens, gaz);
        EntityRecognizer.countries(tokens, gaz, labels);
        return mentions(tokens, text, labels);
    }

    @Test
    void aCountryNameTaggedAsAPersonOrLeftUntaggedIsAPlace() {
        // Ливан (PER) ; Беларусь (O) at a sentence start
        assertEquals(List.of("LOC Ливан"), countries("Делегацию прислал Ливан.", 0, 0, 1, 0));
        assertEquals(List.of("LOC Беларусь"), countries("Беларусь ответила отказом.", 0, 0, 0, 0));
        // a person's name is left alone, and so is a country inside a longer mention («Единая Россия»)
        assertEquals(List.of("PER Иван Петров"), countries("Приехал Иван Петров.", 0, 1, 2, 0));
        assertEquals(List.of("ORG Единая Россия"), countries("Партия Единая Россия победила.", 0, 5, 6, 0, 0));
    }

    /** {@link EntityRecognizer#placeLists} over the given labels. */
    private static List<String> lists(String text, int... tagger) {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        int[] labels = java.util.Arrays.copyOf(tagger, tokens.size());
        EntityRecognizer.placeLists(tokens, EntityRecognizer.segments(text, tokens), labels);
        return mentions(tokens, text, labels);
    }

    @Test
    void anItemOfAListOfPlacesIsAPlace() {
        // Альфа • Бета • Гамма • Дельта Сигма • Омега острова  (tokens: 0 • 2 • 4 • 6 7 • 9 10)
        String text = "Альфа • Бета • Гамма • Дельта Сигма • Омега острова";
        assertEquals(List.of("LOC Альфа", "LOC Бета", "LOC Гамма", "LOC Дельта Сигма", "LOC Омега острова"),
                lists(text, 3, 0, 3, 0, 3, 0, 1, 2, 0, 0, 0));
        // two places are not a list of places yet, and a list of people stays one
        assertEquals(List.of("LOC Альфа", "LOC Бета", "PER Гамма", "PER Дельта Сигма"),
                lists("Альфа • Бета • Гамма • Дельта Сигма", 3, 0, 3, 0, 1, 0, 1, 2));
        assertEquals(List.of("PER Альфа", "PER Бета", "PER Гамма", "LOC Дельта"),
                lists("Альфа, Бета, Гамма, Дельта", 1, 0, 1, 0, 1, 0, 3));
        // a lower-case item of a list is no name
        assertEquals(List.of("LOC Альфа", "LOC Бета", "LOC Гамма"),
                lists("Альфа, Бета, Гамма, другие страны", 3, 0, 3, 0, 3, 0, 0, 0));
    }

    /** The Russian rules over the given labels. */
    private static List<String> grammar(String text, int... tagger) {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        int[] labels = java.util.Arrays.copyOf(tagger, tokens.size());
        RussianOrgNames.apply(text, tokens, labels, Morphology.russian(), Gazetteer.get());
        return mentions(tokens, text, labels);
    }

    @Test
    void aDomainZoneIsNoPlace() {
        // Сайты в зоне . РФ , а не в России .
        assertEquals(List.of("LOC России"), grammar("Сайты в зоне .РФ, а не в России.", 0, 0, 0, 0, 3, 0, 0, 0, 0, 3, 0));
        assertEquals(List.of(), grammar("Домены .рф открыты.", 0, 0, 3, 0, 0));
    }
}
