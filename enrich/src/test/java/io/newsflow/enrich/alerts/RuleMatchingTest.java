package io.newsflow.enrich.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Alert;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.Mention;
import io.newsflow.enrich.Enricher;

/** The rules on the RBC story, through the real enricher. */
class RuleMatchingTest {

    static final String RULES = """
            rules:
              - id: lavrov-blinken
                name: Лавров и Блинкен
                when:
                  all:
                    - entity: Сергей Лавров
                    - entity: Энтони Блинкен
              - id: lavrov-not-geneva
                when:
                  all:
                    - entity: Лавров
                    - not: {word: Женева}
              - id: negotiations
                when: {word: переговоры}
              - id: advert-credit
                when: {any: [{word: кредит}, {entity: ВТБ}, {word: наличные}]}
            """;

    static EnrichedArticle story;
    static Map<String, RuleMatch> fired;

    @BeforeAll
    static void enrich() {
        story = new Enricher().enrich(RbcStory.article());
        fired = rules(RULES).match(story).stream().collect(Collectors.toMap(m -> m.rule().id(), m -> m));
    }

    static RuleSet rules(String yaml) {
        return new RuleSet(RulesParser.parseRules(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
    }

    private static Set<String> texts(RuleMatch match) {
        return match.matched().stream().map(Alert.AlertMatch::text).collect(Collectors.toSet());
    }

    @Test
    void lavrovAndBlinkenFiresWithBothInflectedForms() {
        RuleMatch match = fired.get("lavrov-blinken");
        assertTrue(match != null, "fired: " + fired.keySet());
        assertTrue(texts(match).containsAll(Set.of("Лаврова", "Блинкена")), texts(match).toString());
        Alert.AlertMatch first = match.matched().get(0);
        assertEquals("entity:Сергей Лавров", first.term());
        assertEquals("Лаврова", RuleSet.codePointSubstring(
                story.article().title() + "\n\n" + story.article().text(), first.start(), first.end()));
        assertTrue(match.snippet().contains("Лаврова"), match.snippet());
        Alert alert = match.toAlert(story);
        assertEquals("Лавров и Блинкен", alert.ruleName());
        assertEquals(RbcStory.URL, alert.articleId());
        assertEquals(story.article().contentHash(), alert.contentHash());
        assertEquals(null, alert.duplicateOf());
        // a republished copy's alert says which story it repeats
        EnrichedArticle copy = new EnrichedArticle(story.article(), story.language(), story.entities(), story.tags(),
                "https://first.example/story");
        assertEquals("https://first.example/story", match.toAlert(copy).duplicateOf());
    }

    @Test
    void lavrovButNotGenevaDoesNotFire() {
        assertFalse(fired.containsKey("lavrov-not-geneva"), "«Женеве» is in the text");
        assertTrue(rules("rules: [{id: x, when: {all: [{entity: Лавров}, {not: {entity: Женева, type: LOC}}]}}]")
                .match(story).isEmpty());
    }

    @Test
    void aLemmaRuleFiresOnTheWord() {
        RuleMatch match = fired.get("negotiations");
        assertTrue(match != null);
        assertTrue(texts(match).contains("переговоры"), texts(match).toString());
        // The rule's word in another form matches too: «переговорами» → переговоры.
        assertEquals(1, rules("rules: [{id: x, when: {word: переговорами}}]").match(story).size());
        assertEquals(1, rules("rules: [{id: x, when: {word: САНКЦИЯМИ}}]").match(story).size(), "«санкций» is in the text");
    }

    @Test
    void aWordOnlyInTheAdvertDoesNotFire() {
        assertFalse(fired.containsKey("advert-credit"));
    }

    @Test
    void phrasesSectionsTagsLanguageSiteUrlAndMinimumCounts() {
        RuleSet rules = rules("""
                rules:
                  - {id: phrase, when: {phrase: российско-американского саммита}}
                  - {id: phrase-other-form, when: {phrase: российско-американский саммит}}
                  - {id: phrase-wrong-order, when: {phrase: саммит российско-американский}}
                  - {id: section, when: {section: политика}}
                  - {id: tag, when: {tag: politics}}
                  - {id: language, when: {language: ru}}
                  - {id: language-en, when: {language: en}}
                  - {id: site, when: {site: rbc.ru}}
                  - {id: site-other, when: {site: lenta.ru}}
                  - {id: url, when: {url: "https://www.rbc.ru/politics/*"}}
                  - {id: antonov-4, when: {entity: Антонов, min: 4}}
                  - {id: antonov-5, when: {entity: Антонов, min: 5}}
                  - {id: geneva-3, when: {word: Женева, min: 3}}
                  - {id: lavrov-org, when: {entity: Лавров, type: ORG}}
                  - {id: other-sergey, when: {entity: Сергей Шойгу}}
                  - {id: other-first-name, when: {entity: Игорь Лавров}}
                  - {id: us-state-dept, when: {entity: Госдепартамент США}}
                  - {id: geneva-loc, when: {entity: Женева, type: LOC}}
                """);
        Set<String> ids = rules.match(story).stream().map(m -> m.rule().id()).collect(Collectors.toSet());
        assertEquals(Set.of("phrase", "phrase-other-form", "section", "tag", "language", "site", "url", "antonov-4",
                "geneva-3", "us-state-dept", "geneva-loc"), ids);
    }

    @Test
    void personRulesMatchSurnameOnlyEntitiesAndTheOtherWayRound() {
        EnrichedArticle surnameOnly = new EnrichedArticle(story.article(), new LanguageGuess("ru", 1), List.of(
                new Entity(EntityType.PER, "Лавров", List.of(new Mention(43, 50, "Лаврова")))), List.of(), null);
        assertEquals(1, rules("rules: [{id: x, when: {entity: Сергей Лавров, type: PER}}]").match(surnameOnly).size());
        assertEquals(1, rules("rules: [{id: x, when: {entity: лавров}}]").match(story).size());
        // An entity name left inflected by the enricher is still found by its lemma.
        EnrichedArticle inflected = new EnrichedArticle(story.article(), new LanguageGuess("ru", 1), List.of(
                new Entity(EntityType.LOC, "Женеве", List.of(new Mention(715, 721, "Женеве")))), List.of(), null);
        assertEquals(1, rules("rules: [{id: x, when: {entity: Женева}}]").match(inflected).size());
    }

    @Test
    void englishWordsFoldPlurals() {
        var article = RbcStory.article("New sanctions on Russian banks", "The EU agreed on a sanction package.");
        EnrichedArticle enriched = new Enricher().enrich(article);
        RuleSet rules = rules("""
                rules:
                  - {id: s, when: {all: [{language: en}, {word: sanctions, min: 2}, {word: bank}]}}
                """);
        List<RuleMatch> matches = rules.match(enriched);
        assertEquals(1, matches.size());
        assertEquals(List.of("sanctions", "banks", "sanction"),
                matches.get(0).matched().stream().filter(m -> m.start() >= 0).map(Alert.AlertMatch::text).toList());
    }
}
