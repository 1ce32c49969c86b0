package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code Morphology.hasField}, which reads tag fields in place, agrees with the field test it replaced. */
class TagFieldsTest {

    private static boolean byConcatenation(String tag, String part) {
        return tag.startsWith(part + ":") || tag.contains(":" + part + ":") || tag.endsWith(":" + part)
                || tag.equals(part);
    }

    @Test
    void sameAnswersAsTheConcatenatingTest() {
        List<String> tags = List.of("NN:Name:Masc:Sin:R", "NN:Fam:Fem:Sin:Nom", "ADJ:Posit:Fem:Sin:R", "R",
                "NNP", "NN:Anim:Masc:Sin:2R", "PT:Short", "Name", "NN:Patr:Masc:Sin:Nom:V", "", "NN::R");
        List<String> parts = List.of("Name", "Fam", "Patr", "R", "2R", "Nom", "Masc", "Fem", "Short", "NN", "V", "Sin",
                "am", "Na");
        for (String tag : tags) {
            for (String part : parts) {
                assertEquals(byConcatenation(tag, part), Morphology.hasField(tag, part), tag + " has " + part);
            }
        }
    }
}
