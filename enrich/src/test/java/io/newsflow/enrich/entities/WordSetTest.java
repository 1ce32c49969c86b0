package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@link WordSet} answers as {@code Set.of} over the same words. */
class WordSetTest {

    @Test
    void answersAsASetOfTheSameWords() {
        // "Aa" and "BB" share a hashCode; "" and one-letter words test the bit filters' edges
        String[] members = {"said", "says", "told", "River", "Sea", "Aa", "in", "Co", "VIII", "Mt"};
        WordSet ws = WordSet.of(members);
        Set<String> set = Set.of(members);
        List<String> probes = new ArrayList<>(List.of(members));
        probes.addAll(List.of("BB", "", "s", "sai", "saids", "Said", "river", "Seas", "Sea.", "iN", "C", "co", "VII",
                "Mt.", "ﬁ", "Ωmega", "the", ","));
        for (String p : probes) {
            assertEquals(set.contains(p), ws.contains(p), p);
        }
        WordSet empty = WordSet.of();
        assertEquals(false, empty.contains(""));
        assertEquals(false, empty.contains("said"));
    }
}
