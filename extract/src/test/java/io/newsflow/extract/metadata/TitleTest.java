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
    void theH1WinsOverADeclaredTitleTypedWithPlainQuotesAndDashes() {
        assertEquals("Warum ich „Bauchgeburt“ sage – ein Essay", MetadataExtractor.title(
                "Warum ich „Bauchgeburt“ sage – ein Essay", "Blog", null,
                "Warum ich \"Bauchgeburt\" sage - ein Essay"));
        assertEquals("Editor’s Letter: bye", MetadataExtractor.title("Editor’s Letter: bye", null, null,
                "Editor&#8217;s Letter: bye"));
        // A headline the page states in JSON-LD is the publisher's own and stays as written.
        assertEquals("Editor's Letter: bye", MetadataExtractor.title("Editor’s Letter: bye", null,
                "Editor's Letter: bye"));
    }

    @Test
    void theH1WinsWhenTheSiteNamePrecedesIt() {
        assertEquals("Mercurial's Journey to Python 3", MetadataExtractor.title("Mercurial's Journey to Python 3",
                null, null, "Gregor's Digital Home | Mercurial's Journey to Python 3"));
    }

    @Test
    void aTwiceEscapedDeclaredTitleIsUnescaped() {
        assertEquals("Signa in Sorge – Finanzdaten, Berater und Auftrag von heute",
                MetadataExtractor.title(null, null, null,
                        "Signa in Sorge &#8211; Finanzdaten, Berater und Auftrag von heute"));
    }

    @Test
    void headlineConfirmedByH1Wins() {
        assertEquals("The headline", MetadataExtractor.title("The headline", "Site", "The headline - Site"));
        assertEquals("Declared headline", MetadataExtractor.title("Something else entirely", "Site",
                "Declared headline | Site"));
    }
}
