package io.newsflow.enrich.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.Mention;
import io.newsflow.common.model.Tag;

/** An article evaluates only the rules its terms select. */
class RuleIndexTest {

    @Test
    void onlyCandidateRulesAreEvaluated() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Condition c = switch (i % 4) {
                case 0 -> new Condition.EntityTerm("Персона" + i, null, 1);
                case 1 -> new Condition.All(List.of(new Condition.LanguageTerm("ru"), new Condition.TextTerm("слово" + i, false, 1)));
                case 2 -> new Condition.Any(List.of(new Condition.TagTerm("tag" + i), new Condition.SectionTerm("section" + i)));
                default -> new Condition.All(List.of(new Condition.SiteTerm("site" + i + ".ru"),
                        new Condition.Not(new Condition.EntityTerm("X", null, 1))));
            };
            rules.add(new Rule("r" + i, null, c, i + 1));
        }
        rules.add(new Rule("everywhere", null, new Condition.Not(new Condition.TagTerm("never")), 1001));
        RuleSet set = new RuleSet(rules, Lemmatizer.none());
        assertEquals(1, set.unindexed());
        var article = RbcStory.article("Заголовок", "Здесь слово1 и слово5, и больше ничего.");
        EnrichedArticle enriched = new EnrichedArticle(article, new LanguageGuess("ru", 1),
                List.of(new Entity(EntityType.PER, "Персона4", List.of(new Mention(0, 1, "П")))),
                List.of(new Tag("tag2", Tag.Source.TOPIC, 1)), null);
        // Candidates: r1, r5 (words), r4 (entity), r2 (tag), everywhere.
        assertEquals(5, set.candidateCount(enriched));
        List<String> fired = set.match(enriched).stream().map(m -> m.rule().id()).toList();
        assertEquals(List.of("r1", "r2", "r4", "r5", "everywhere"), fired);
        assertTrue(set.toString().contains("1001 rules"));
    }
}
