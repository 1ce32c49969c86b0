package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The content a page declares as a schema.org Recipe or HowTo. */
class DeclaredStepsTest {

    @Test
    void aRecipeGivesItsIngredientsThenItsStepsAsPlainText() {
        String recipe = """
                {"@context": "https://schema.org", "@type": ["Recipe"], "name": "Apfelkuchen",
                 "recipeIngredient": ["200 g Mehl", "3 Äpfel", "100&nbsp;g Butter"],
                 "recipeInstructions": [
                   {"@type": "HowToStep", "text": "Heize den Ofen auf 180 °C vor."},
                   {"@type": "HowToSection", "name": "Der Teig", "itemListElement": [
                     {"@type": "HowToStep", "text": "<p>Verknete Mehl und <b>Butter</b>.</p>"},
                     {"@type": "HowToStep", "name": "Ruhen lassen"}]},
                   "Backe den Kuchen 40 Minuten."]}""";
        assertEquals(List.of("200 g Mehl", "3 Äpfel", "100 g Butter", "Heize den Ofen auf 180 °C vor.", "Der Teig",
                "Verknete Mehl und Butter.", "Ruhen lassen", "Backe den Kuchen 40 Minuten."),
                DeclaredSteps.of(List.of(recipe)));
    }

    @Test
    void stepsGivenAsOneStringAreSplitAtLineBreaks() {
        String recipe = "{\"@type\": \"Recipe\", \"recipeInstructions\": \"Mix the flour.\\n\\nBake for an hour.\"}";
        assertEquals(List.of("Mix the flour.", "Bake for an hour."), DeclaredSteps.of(List.of(recipe)));
    }

    @Test
    void aHowToInAGraphGivesItsSuppliesToolsAndSteps() {
        String graph = """
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "name": "Fix a tap"},
                  {"@type": "HowTo", "name": "Fix a tap", "supply": [{"@type": "HowToSupply", "name": "a washer"}],
                   "tool": [{"@type": "HowToTool", "name": "a wrench"}],
                   "step": [{"@type": "HowToStep", "text": "Turn off the water."},
                            {"@type": "HowToStep", "text": "Replace the washer."}]}]}""";
        assertEquals(List.of("a washer", "a wrench", "Turn off the water.", "Replace the washer."),
                DeclaredSteps.of(List.of(graph)));
    }

    @Test
    void articlesAndBrokenBlocksDeclareNoSteps() {
        assertEquals(List.of(), DeclaredSteps.of(List.of(
                "{\"@type\": \"NewsArticle\", \"headline\": \"A story\", \"articleBody\": \"Text.\"}",
                "{\"@type\": \"Recipe\", \"recipeInstructions\": [", "not json at all")));
    }
}
