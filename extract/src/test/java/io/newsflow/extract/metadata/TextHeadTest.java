package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jsoup.internal.StringUtil;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TextHeadTest {

    @Test
    void spacedAsElementTextAndCutAtTheLimit() {
        Document doc = Jsoup.parse("<body><div>Eins</div><div>zwei <b>drei</b>vier</div><p>fünf sechs</p></body>");
        assertEquals(doc.body().text(), TextHead.of(doc.body(), null, 1000).text().strip());
        assertEquals("Eins zwei", TextHead.of(doc.body(), null, 8).text().strip());
    }

    @Test
    void numbersInNeighbouringInlineElementsStayApart() {
        Document doc = Jsoup.parse("<body><span><time>3 de mayo de 2022</time><time>21:25</time></span></body>");
        assertEquals("3 de mayo de 2022 21:25", TextHead.of(doc.body(), null, 1000).text().strip());
    }

    @Test
    void whereTheHeadlineEnds() {
        Document doc = Jsoup.parse("<body><nav>Home</nav><h1>The <i>story</i></h1><p>12.01.2022</p></body>");
        TextHead head = TextHead.of(doc.body(), doc.selectFirst("h1"), 1000);
        assertEquals("Home The story", head.text().substring(0, head.afterHeadline()).strip());
        assertEquals(-1, TextHead.of(doc.body(), doc.selectFirst("h1"), 6).afterHeadline());
        assertEquals(-1, TextHead.of(doc.body(), null, 1000).afterHeadline());
    }

    @Test
    void readInStepsIsTheSameHeadAsReadInOneGo() {
        Document doc = Jsoup.parse("<body><nav>Home · News</nav><h1>The <i>story</i></h1><p>12.01.2022 <b>14:30</b></p>"
                + "<div>Lorem ipsum<br>dolor <span>sit</span> amet</div><p>Ende</p></body>");
        String whole = TextHead.of(doc.body(), doc.selectFirst("h1"), 1000).text();
        TextHead stepped = TextHead.of(doc.body(), doc.selectFirst("h1"), 1000);
        String first = stepped.prefix(5);
        assertTrue(first.length() >= 5 && whole.startsWith(first), first);
        assertFalse(stepped.complete());
        String more = stepped.prefix(30);
        assertTrue(more.length() >= 30 && whole.startsWith(more), more);
        assertEquals(whole, stepped.text());
        assertTrue(stepped.complete());
        assertEquals(whole, stepped.prefix(10_000));
        assertEquals(TextHead.of(doc.body(), doc.selectFirst("h1"), 1000).afterHeadline(), stepped.afterHeadline());
    }

    @Test
    void whiteSpaceNormalisedAsJsoupDoesIt() {
        // White space of every kind jsoup collapses, the invisible characters it drops, a control character and a
        // surrogate pair it keeps, in random texts, with and without leading white space stripped.
        char[] alphabet = {'a', 'Z', '1', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u00AD', '\u200B',
            '\u2009', '\u0001', 'é', 'ж', '\uD83D', '\uDE00'};
        Random random = new Random(12);
        for (int t = 0; t < 5_000; t++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            for (boolean strip : new boolean[] {false, true}) {
                StringBuilder expected = new StringBuilder("x");
                StringUtil.appendNormalisedWhitespace(expected, s.toString(), strip);
                StringBuilder actual = new StringBuilder("x");
                TextHead.appendNormalised(actual, s.toString(), strip);
                assertEquals(expected.toString(), actual.toString(), s.toString());
            }
        }
    }
}
