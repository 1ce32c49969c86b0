package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
