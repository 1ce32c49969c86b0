package io.newsflow.extract.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Ancestor-or-self: the order of the arguments matters, and an element counts as its own ancestor. */
class AncestryTest {

    @Test
    void anElementIsWithinItselfAndItsAncestorsButNotTheOtherWayRound() {
        Document doc = Jsoup.parse("<div id='outer'><p id='inner'>x</p></div><p id='other'>y</p>");
        Element outer = doc.getElementById("outer");
        Element inner = doc.getElementById("inner");
        assertTrue(Ancestry.isAncestorOrSelf(outer, inner));
        assertTrue(Ancestry.isAncestorOrSelf(inner, inner));
        assertFalse(Ancestry.isAncestorOrSelf(inner, outer));
        assertFalse(Ancestry.isAncestorOrSelf(outer, doc.getElementById("other")));
    }
}
