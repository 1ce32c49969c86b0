package io.newsflow.enrich.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.EntityType;

class RulesParserTest {

    private static List<Rule> parse(String yaml) {
        return RulesParser.parseRules(yaml.getBytes(StandardCharsets.UTF_8), "rules.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(RulesException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsTheFullGrammar() {
        List<Rule> rules = parse("""
                rules:
                  - id: lavrov-blinken
                    name: Лавров и Блинкен
                    when:
                      all:
                        - entity: Сергей Лавров
                          type: PER
                        - entity: Энтони Блинкен
                          min: 2
                        - not: {word: Женева}
                  - id: vtb
                    when:
                      any:
                        - phrase: экономические санкции
                        - tag: economy
                        - section: Экономика
                        - language: EN
                        - site: https://www.rbc.ru/
                        - url: "https://www.rbc.ru/economics/*"
                        - word: [санкции, эмбарго]
                """);
        assertEquals(2, rules.size());
        Rule first = rules.get(0);
        assertEquals("Лавров и Блинкен", first.name());
        Condition.All all = assertInstanceOf(Condition.All.class, first.when());
        assertEquals(new Condition.EntityTerm("Сергей Лавров", EntityType.PER, 1), all.children().get(0));
        assertEquals(new Condition.EntityTerm("Энтони Блинкен", null, 2), all.children().get(1));
        assertEquals(new Condition.Not(new Condition.TextTerm("Женева", false, 1)), all.children().get(2));
        Rule second = rules.get(1);
        assertEquals("vtb", second.name(), "the name defaults to the id");
        Condition.Any any = assertInstanceOf(Condition.Any.class, second.when());
        assertEquals(new Condition.TextTerm("экономические санкции", true, 1), any.children().get(0));
        assertEquals(new Condition.LanguageTerm("en"), any.children().get(3));
        assertEquals(new Condition.SiteTerm("www.rbc.ru"), any.children().get(4));
        assertInstanceOf(Condition.Any.class, any.children().get(6));
    }

    @Test
    void readsJson() {
        List<Rule> rules = RulesParser.parseRules("""
                {"rules": [{"id": "a", "when": {"entity": "ВТБ", "type": "org"}}]}
                """.getBytes(StandardCharsets.UTF_8), "rules.json");
        assertEquals(new Condition.EntityTerm("ВТБ", EntityType.ORG, 1), rules.get(0).when());
    }

    @Test
    void anEmptyListIsNoRulesButAnEmptyFileIsAnError() {
        assertEquals(List.of(), parse("rules: []"));
        assertTrue(error("").contains("the file is empty"));
    }

    @Test
    void messagesNameTheRuleWhereAndWhat() {
        String message = error("""
                rules:
                  - id: ok
                    when: {word: мир}
                  - id: lavrov
                    when:
                      all:
                        - entiy: Сергей Лавров
                """);
        assertTrue(message.contains("rule 'lavrov' (#2), when.all[0]: unknown condition 'entiy'"), message);
        assertTrue(message.contains("did you mean 'entity'?"), message);
    }

    @Test
    void everyProblemIsReported() {
        RulesException e = assertThrows(RulesException.class, () -> parse("""
                rules:
                  - id: a
                    when: {entity: Лавров, type: PERSON}
                  - id: a
                    when: {word: мир}
                  - name: no id
                    when: {word: мир}
                  - id: has space
                    when: {word: мир}
                  - id: b
                  - id: c
                    when: {word: мир, min: 0}
                  - id: d
                    when: {tag: x, min: 2}
                  - id: e
                    when: {all: []}
                  - id: f
                    when: {word: мир, tag: x}
                  - id: g
                    when: {language: russian}
                  - id: h
                    when: {word: "!!"}
                  - id: i
                    entity: Лавров
                """));
        List<String> problems = e.problems();
        String all = String.join("\n", problems);
        assertTrue(all.contains("rule 'a' (#1), when.entity: unknown entity type 'PERSON'"), all);
        assertTrue(all.contains("rule 'a' (#2): duplicate id, rule #1 has it too"), all);
        assertTrue(all.contains("rule #3: no id"), all);
        assertTrue(all.contains("rule 'has space' (#4), id: 'has space' is not a valid id"), all);
        assertTrue(all.contains("rule 'b' (#5): no 'when' condition"), all);
        assertTrue(all.contains("rule 'c' (#6), when.word: 'min' must be a whole number"), all);
        assertTrue(all.contains("rule 'd' (#7), when: 'min' applies to entity, word and phrase only"), all);
        assertTrue(all.contains("rule 'e' (#8), when.all: the list is empty"), all);
        assertTrue(all.contains("rule 'f' (#9), when: one condition per item, found word and tag"), all);
        assertTrue(all.contains("rule 'g' (#10), when.language: 'russian' is not a language code"), all);
        assertTrue(all.contains("rule 'h' (#11), when.word: '!!' has no letters or digits"), all);
        assertTrue(all.contains("rule 'i' (#12): unknown key 'entity' (conditions go under 'when')"), all);
        assertTrue(e.getMessage().startsWith("rules file rules.yaml: " + problems.size() + " problems"), e.getMessage());
    }

    @Test
    void syntaxErrorsGiveTheLine() {
        String message = error("rules:\n  - id: a\n    when: {word: [мир}\n");
        assertTrue(message.startsWith("rules file rules.yaml: not valid YAML at line 3"), message);
    }

    @Test
    void duplicateKeysAreRejected() {
        String message = error("rules:\n  - id: a\n    id: b\n    when: {word: мир}\n");
        assertTrue(message.contains("not valid YAML") && message.contains("id"), message);
    }

    @Test
    void globsMatchWholeUrls() {
        assertTrue(RulesParser.glob("https://www.rbc.ru/*/26/06/*").matcher("https://www.rbc.ru/politics/26/06/2021/x").matches());
        assertTrue(!RulesParser.glob("https://rbc.ru/*").matcher("https://www.rbc.ru/a").matches());
    }
}
