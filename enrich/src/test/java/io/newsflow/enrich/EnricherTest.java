package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.Mention;
import io.newsflow.common.model.Tag;

class EnricherTest {

    private final Enricher enricher = new Enricher();

    static Article fixture(String resource, String language, String section, List<String> tags) throws IOException {
        String s;
        try (InputStream in = EnricherTest.class.getResourceAsStream(resource)) {
            s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int k = s.indexOf("\n\n");
        return new Article("https://example.test/" + resource, "https://example.test/" + resource, null,
                s.substring(0, k), null, List.of(), null, null, "test", section, tags, language,
                s.substring(k + 2).strip(), null, 0, null);
    }

    private static Map<EntityType, Set<String>> names(EnrichedArticle e) {
        Map<EntityType, Set<String>> m = new TreeMap<>();
        for (Entity en : e.entities()) {
            m.computeIfAbsent(en.type(), k -> new TreeSet<>()).add(en.name());
        }
        return m;
    }

    private static Entity entity(EnrichedArticle e, EntityType type, String name) {
        for (Entity en : e.entities()) {
            if (en.type() == type && en.name().equals(name)) {
                return en;
            }
        }
        throw new AssertionError("no " + type + " " + name + " in " + names(e));
    }

    private static void assertOffsets(EnrichedArticle e) {
        int[] cps = Enricher.fullText(e.article()).codePoints().toArray();
        for (Entity en : e.entities()) {
            for (Mention m : en.mentions()) {
                assertEquals(m.text(), new String(cps, m.start(), m.end() - m.start()), "offsets of " + m);
            }
        }
    }

    @Test
    void rbcStory() throws IOException {
        EnrichedArticle e = enricher.enrich(fixture("rbc-story.txt", "ru", "Политика", List.of()));
        Map<EntityType, Set<String>> names = names(e);
        assertTrue(names.get(EntityType.PER).containsAll(List.of("Сергей Лавров", "Энтони Блинкен",
                "Анатолий Антонов", "Владимир Путин", "Джо Байден", "Джон Салливан")), names.toString());
        assertTrue(names.get(EntityType.LOC).containsAll(List.of("Россия", "США", "Женева", "Москва", "Вашингтон")),
                names.toString());
        assertTrue(names.get(EntityType.ORG).containsAll(List.of("МИД России", "Госдепартамент США", "Facebook",
                "ABC News")), names.toString());
        // one entity per person: inflected forms and the surname alone are joined to the full name
        for (String person : names.get(EntityType.PER)) {
            assertFalse(person.equals("Антонов") || person.equals("Блинкена") || person.equals("Лаврова"), person);
        }
        Entity antonov = entity(e, EntityType.PER, "Анатолий Антонов");
        assertTrue(antonov.mentions().stream().anyMatch(m -> m.text().equals("Антонов")));
        Entity blinken = entity(e, EntityType.PER, "Энтони Блинкен");
        assertTrue(blinken.mentions().stream().anyMatch(m -> m.text().equals("Блинкена")), blinken.toString());
        // «Соединенных Штатов» is another name of США (aliases.txt)
        Entity usa = entity(e, EntityType.LOC, "США");
        assertTrue(usa.mentions().stream().anyMatch(m -> m.text().equals("Соединенных Штатов")), usa.toString());
        Entity washington = entity(e, EntityType.LOC, "Вашингтон");
        assertTrue(washington.mentions().stream().anyMatch(m -> m.text().equals("Вашингтоном")));
        // «АВС News» typed with Cyrillic А, В, С: the mention keeps the text as written
        Entity abc = entity(e, EntityType.ORG, "ABC News");
        assertEquals("АВС News", abc.mentions().get(0).text());
        assertOffsets(e);
        assertEquals("ru", e.language().code());
        assertTrue(e.language().confidence() >= 0.5, e.language().toString());
        assertTrue(e.tags().contains(new Tag("Политика", Tag.Source.PUBLISHER, 1.0)), e.tags().toString());
        assertTrue(e.tags().stream().anyMatch(t -> t.source() == Tag.Source.TOPIC && t.name().equals("politics")),
                e.tags().toString());
        assertTrue(e.tags().stream().anyMatch(t -> t.source() == Tag.Source.KEYPHRASE), e.tags().toString());
    }

    @Test
    void englishStory() throws IOException {
        EnrichedArticle e = enricher.enrich(fixture("english-story.txt", null, "World", List.of("Russia", "Diplomacy")));
        Map<EntityType, Set<String>> names = names(e);
        assertTrue(names.get(EntityType.PER).containsAll(List.of("Antony Blinken", "Sergei Lavrov", "Joe Biden",
                "Maria Zakharova", "Olaf Scholz")), names.toString());
        assertTrue(names.get(EntityType.LOC).containsAll(List.of("Geneva", "Moscow", "United States")),
                names.toString());
        assertTrue(names.get(EntityType.ORG).containsAll(List.of("Microsoft Corp.", "Apple Inc.", "Acme Holdings Ltd.",
                "Reuters", "NATO", "State Department")), names.toString());
        // "Mr. Blinken" and the bare surname belong to Antony Blinken; possessives stay outside the mention
        Entity blinken = entity(e, EntityType.PER, "Antony Blinken");
        assertTrue(blinken.mentions().size() >= 3, blinken.toString());
        for (Entity en : e.entities()) {
            for (Mention m : en.mentions()) {
                assertFalse(m.text().endsWith("'s") || m.text().endsWith("’s") || m.text().startsWith("Mr"),
                        m.toString());
            }
        }
        Entity biden = entity(e, EntityType.PER, "Joe Biden");
        assertTrue(biden.mentions().stream().anyMatch(m -> m.text().equals("Biden")), biden.toString());
        Entity lavrov = entity(e, EntityType.PER, "Sergei Lavrov");
        assertTrue(lavrov.mentions().stream().anyMatch(m -> m.text().equals("Lavrov")), lavrov.toString());
        assertOffsets(e);
        assertEquals("en", e.language().code());
        assertEquals(new Tag("World", Tag.Source.PUBLISHER, 1.0), e.tags().get(0));
    }

    @Test
    void sameArticleSameBytes() throws IOException {
        Article a = fixture("rbc-story.txt", "ru", "Политика", List.of("США"));
        byte[] first = JsonCodec.encode(enricher.enrich(a));
        byte[] second = JsonCodec.encode(new Enricher().enrich(a));
        assertArrayEquals(first, second);
    }

    @Test
    void parallelUseGivesTheSameResult() throws Exception {
        Article a = fixture("rbc-story.txt", "ru", "Политика", List.of());
        byte[] expected = JsonCodec.encode(enricher.enrich(a));
        List<Thread> threads = new ArrayList<>();
        List<byte[]> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 5; k++) {
                    results.add(JsonCodec.encode(new Enricher().enrich(a)));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(20, results.size());
        for (byte[] r : results) {
            assertArrayEquals(expected, r);
        }
    }

    @Test
    void aHugeTextIsAnalysedOnlyUpToTheBoundAndKeptWhole() {
        String lead = "Министр иностранных дел Сергей Лавров прибыл в Берлин.\n\n";
        String filler = "Обычный абзац новостного текста без имён. ".repeat(Enricher.MAX_ANALYSED_CHARS / 40 + 100);
        String text = lead + filler + "\n\nВладимир Путин выступил в Москве.";
        Article a = new Article("id", "u", null, "Визит", null, null, null, null, null, null, null, "ru", text, null,
                0, null);
        EnrichedArticle e = new Enricher().enrich(a);
        Set<String> names = new TreeSet<>();
        e.entities().forEach(entity -> names.add(entity.name()));
        assertTrue(names.contains("Сергей Лавров"), names.toString());
        assertFalse(names.contains("Владимир Путин"), "beyond the bound: " + names);
        assertEquals(text, e.article().text(), "the whole text is kept");
        String analysed = Enricher.analysedText(text);
        assertTrue(analysed.length() <= Enricher.MAX_ANALYSED_CHARS && text.startsWith(analysed));
        assertTrue(Character.isWhitespace(text.charAt(analysed.length())), "cut at a word boundary");
        assertOffsets(e);
    }

    @Test
    void otherLanguagesAndEmptyArticlesDoNotCrash() {
        for (String text : List.of("", "   ", "Der Bundeskanzler Olaf Scholz traf in Berlin den französischen Präsidenten "
                + "Emmanuel Macron. Die Gespräche dauerten zwei Stunden.", "北京是中国的首都。", "12345 — !!!",
                "Президент України Володимир Зеленський відвідав Київ і зустрівся з міністрами.")) {
            Article a = new Article("id", "u", null, null, null, null, null, null, null, null, null, null, text, null,
                    0, null);
            EnrichedArticle e = enricher.enrich(a);
            assertNotNull(e.language());
            assertOffsets(e);
        }
        Article de = new Article("id", "u", null, "Scholz trifft Macron", null, null, null, null, null, null, null,
                "de", "Der Bundeskanzler Olaf Scholz traf in Berlin den französischen Präsidenten Emmanuel Macron. "
                        + "Die Gespräche dauerten zwei Stunden und waren nach Angaben der Regierung konstruktiv.",
                null, 0, null);
        assertEquals("de", enricher.enrich(de).language().code());
    }

    @Test
    void germanTextGetsTheGermanModelNotPersonsFromCapitalLetters() {
        String text = "Nach zwei Jahren Bauzeit ist die neue Brücke über den Fluss am Samstag eröffnet worden. "
                + "Bürgermeisterin Angela Berger dankte den Anwohnern für ihre Geduld. Die Kosten von zwölf Millionen "
                + "Euro trägt zur Hälfte die Siemens AG, die Arbeiten in Berlin und Paris hatten sich verzögert.";
        Article a = new Article("id", "u", null, "Neue Brücke eröffnet", null, null, null, null, null, null, null,
                "de", text, null, 0, null);
        EnrichedArticle e = enricher.enrich(a);
        assertEquals("de", e.language().code());
        Map<EntityType, Set<String>> names = names(e);
        assertEquals(Set.of("Angela Berger"), names.getOrDefault(EntityType.PER, Set.of()), names.toString());
        assertEquals(Set.of("Siemens AG"), names.getOrDefault(EntityType.ORG, Set.of()), names.toString());
        assertTrue(names.getOrDefault(EntityType.LOC, Set.of()).containsAll(Set.of("Berlin", "Paris")),
                names.toString());
        assertEquals(2, names.getOrDefault(EntityType.LOC, Set.of()).size(), names.toString());
    }

    @Test
    void aFrenchArticleGetsNoKeyphrasesFromTheEnglishDictionary() {
        String text = "Les vendanges commencent pour la troisième fois en trois ans avec trois semaines d'avance. "
                + "Pour les viticulteurs, trois semaines de plus au soleil suffisent pour changer le raisin. "
                + "Pour la coopérative, trois équipes vendangent depuis lundi.";
        Article a = new Article("id", "u", null, "Vendanges précoces", null, null, null, null, null, null, null,
                "fr", text, null, 0, null);
        EnrichedArticle e = enricher.enrich(a);
        assertEquals("fr", e.language().code());
        assertTrue(e.tags().stream().noneMatch(t -> t.source() == Tag.Source.KEYPHRASE), e.tags().toString());
    }

    @Test
    void germanNamesOfPlacesAreKnownInGermanText() {
        String text = "Der Kanzler reiste am Montag nach Wien und München, am Wochenende will er an den Bodensee. "
                + "Die Gespräche in Warschau hatten sich verzögert.";
        Article a = new Article("id", "u", null, "Reise nach Wien", null, null, null, null, null, null, null,
                "de", text, null, 0, null);
        Map<EntityType, Set<String>> names = names(enricher.enrich(a));
        assertTrue(names.getOrDefault(EntityType.LOC, Set.of()).containsAll(Set.of("Wien", "München", "Bodensee",
                "Warschau")), names.toString());
        assertTrue(!names.getOrDefault(EntityType.PER, Set.of()).contains("Kanzler"), names.toString());
    }

    @Test
    void inOtherLatinScriptLanguagesALoneCapitalisedWordIsNoPerson() {
        // the tagger alone calls «Cultura» a person here
        String text = "Los tres polideportivos municipales abrirán de ocho de la mañana a once de la noche durante "
                + "agosto, según anunció este martes el Ayuntamiento, que busca ofrecer un lugar fresco a los vecinos. "
                + "La medida costará unos 40.000 euros. La concejala de Cultura explicó que la ocupación superó el "
                + "ochenta por ciento el verano pasado, y el alcalde Pedro Ruiz lo confirmó.";
        Article a = new Article("id", "u", null, "Bibliotecas abiertas en verano", null, null, null, null, null, null,
                null, "es", text, null, 0, null);
        EnrichedArticle e = enricher.enrich(a);
        assertEquals("es", e.language().code());
        assertTrue(names(e).getOrDefault(EntityType.PER, Set.of()).contains("Pedro Ruiz"), names(e).toString());
        for (Entity en : e.entities()) {
            if (en.type() == EntityType.PER) {
                assertTrue(en.name().contains(" "), "a lone word as a person: " + names(e));
            }
        }
    }
}
