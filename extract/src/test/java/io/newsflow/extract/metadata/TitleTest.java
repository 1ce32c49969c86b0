package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitleTest {

    @Test
    void siteSuffixIsRemoved() {
        assertEquals("Headline of the day", MetadataExtractor.stripSite("Headline of the day | The Site", "The Site"));
        assertEquals("Посол России в США заявил о планах",
                MetadataExtractor.stripSite("Посол России в США заявил о планах — РБК", "РБК"));
        assertEquals("A long headline with many words in it",
                MetadataExtractor.stripSite("A long headline with many words in it :: News :: Evening Post", null));
        assertEquals("Dune - Part Two review", MetadataExtractor.stripSite("Dune - Part Two review", null));
    }

    @Test
    void headlineConfirmedByH1Wins() {
        assertEquals("The headline", MetadataExtractor.title("The headline", "Site", "The headline - Site"));
        assertEquals("Declared headline", MetadataExtractor.title("Something else entirely", "Site",
                "Declared headline | Site"));
    }
}
