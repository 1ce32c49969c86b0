package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.Mention;

/** The rules after the English tagger: legal forms, company short names, common words at sentence starts. */
class EnglishRulesTest {

    @Test
    void legalFormsMakeOrganisationsAndExtendLeft() {
        String text = "Shares of Acme Widgets Inc. rose 6 percent on Friday and Northwind Ltd. gained 4 percent in "
                + "London.\n\nNorthwind, a British maker of gearboxes, has suppliers in both countries. Acme, which "
                + "makes valves, said in March that I would not comment.";
        List<String> m = RecognisedMentions.of(text);
        assertTrue(m.contains("ORG Acme Widgets Inc."), m.toString());
        assertTrue(m.contains("ORG Northwind Ltd."), m.toString());
        assertTrue(m.contains("ORG Northwind"), m.toString());
        assertTrue(m.contains("ORG Acme"), m.toString());
        for (String s : m) {
            assertFalse(s.endsWith(" Shares") || s.endsWith(" I") || s.startsWith("PER Northwind"), m.toString());
        }
    }

    @Test
    void aCompanysFirstWordAloneIsTheSameEntityAsItsFullName() {
        String text = "Shares of Acme Widgets Inc. rose 6 percent on Friday and Northwind Ltd. gained 4 percent in "
                + "London.\n\nNorthwind, a British maker of gearboxes, has suppliers in both countries. Acme, which "
                + "makes valves, said in March that it would not comment.";
        List<Entity> orgs = EntityExtractor.get().extract(text, "en").stream()
                .filter(e -> e.type() == EntityType.ORG).toList();
        assertEquals(List.of("Acme Widgets Inc.", "Northwind Ltd."), orgs.stream().map(Entity::name).toList(),
                orgs.toString());
        assertEquals(List.of("Acme Widgets Inc.", "Acme"),
                orgs.get(0).mentions().stream().map(Mention::text).toList());
    }

    @Test
    void peopleWhoWorkAtANameWorkAtAnOrganisation() {
        List<String> m = RecognisedMentions.of("Analysts at Morgan Stanley said the tone was warmer, and economists "
                + "at Northbridge Capital agreed, while tourists at Lake Geneva did not notice.");
        assertTrue(m.contains("ORG Morgan Stanley"), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("ORG Northbridge")), m.toString());
        assertFalse(m.contains("ORG Lake Geneva"), m.toString());
    }

    @Test
    void capitalisedWordsEndingInAnOrganisationsHeadAreOneOrganisation() {
        List<String> m = RecognisedMentions.of("The Labor Party lost seats, the U.S. Army said, and a study by the "
                + "University of Texas found that Acme Holdings Ltd. had moved.");
        assertTrue(m.contains("ORG Labor Party"), m.toString());
        assertTrue(m.contains("ORG U.S. Army"), m.toString());
        assertTrue(m.contains("ORG University of Texas"), m.toString());
        assertTrue(m.contains("ORG Acme Holdings Ltd."), m.toString());
    }

    @Test
    void unknownAcronymsAndPartyMembersAreOrganisations() {
        List<String> m = RecognisedMentions.of("Shares of IAG fell after NASCAR said the CEO of the team would "
                + "leave, and Democrats in the US blamed the GDP figures on TV.");
        assertTrue(m.contains("ORG IAG"), m.toString());
        assertTrue(m.contains("ORG NASCAR"), m.toString());
        assertTrue(m.contains("ORG Democrats"), m.toString());
        for (String word : List.of("CEO", "GDP", "TV")) {
            assertTrue(m.stream().noneMatch(s -> s.endsWith(" " + word)), m.toString());
        }
        assertTrue(m.stream().noneMatch(s -> s.equals("ORG US")), m.toString());
        assertTrue(RecognisedMentions.of("BREAKING NEWS FROM THE COAST").isEmpty(), "a headline in capitals");
    }

    @Test
    void placesByTheirShapeAndAfterPrepositionsOfPlace() {
        List<String> m = RecognisedMentions.of("East Africa is the site of Mount Kilimanjaro, and ferries cross "
                + "the Irish Sea to Holyhead. Philip then marched deep into Thrace.");
        assertTrue(m.contains("LOC Mount Kilimanjaro"), m.toString());
        assertTrue(m.contains("LOC Irish Sea"), m.toString());
        assertTrue(m.contains("LOC Thrace"), m.toString());
        assertTrue(m.contains("PER Philip"), m.toString());
    }

    @Test
    void theSpeakerOfAQuoteIsAPerson() {
        List<String> m = RecognisedMentions.of("\"We treated it like a drama,\" Zimmerle says. \"It worked,\" said "
                + "Dündarov.");
        assertTrue(m.contains("PER Zimmerle"), m.toString());
        assertTrue(m.contains("PER Dündarov"), m.toString());
    }

    @Test
    void closedClassAndCommonWordsAtSentenceStart() {
        Features f = Features.standard();
        assertTrue(f.englishCommon("I") == Features.EN_CLOSED);
        assertTrue(f.englishCommon("The") == Features.EN_CLOSED);
        assertTrue(f.englishCommon("Shares") == Features.EN_COMMON);
        assertTrue(f.englishCommon("Northwind") == Features.EN_UNKNOWN);
    }

    @Test
    void aTitleIsNotPartOfThePersonsMention() {
        java.util.List<String> m = RecognisedMentions.of("Officials said Mr Panvalkar met President Obama and "
                + "Mrs Clinton in Washington on Tuesday.");
        for (String s : m) {
            assertFalse(s.startsWith("PER Mr") || s.startsWith("PER President") || s.startsWith("PER Mrs"), m.toString());
        }
        assertTrue(m.contains("PER Panvalkar") && m.contains("PER Obama") && m.contains("PER Clinton"), m.toString());
    }
}
