package io.newsflow.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the pre-pass cuts out of a page before parsing, and what it keeps. */
class HtmlPrepassTest {

    @Test
    void scriptsStylesAndCommentsGoJsonLdIsKeptAside() {
        PreparedHtml p = HtmlPrepass.prepare("<html><head><style>p{color:red}</style>"
                + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script></head>"
                + "<body><!-- ad slot --><p>Text</p><script>var x = '<p>not text</p>';</script></body></html>");
        assertEquals("<html><head></head><body><p>Text</p></body></html>", p.html());
        assertEquals(1, p.jsonLd().size());
        assertTrue(p.jsonLd().get(0).contains("NewsArticle"));
    }

    @Test
    void aMenuGoesButATrailWithTheHeadlineAndANavOfTopicsStay() {
        String menu = "<nav class='main-menu'><ul><li><a href='/politik'>Politik</a></li></ul></nav>";
        String trail = "<nav class='breadcrumb'><ol><li><a href='/'>Start</a></li><li><h1>Die Schlagzeile</h1></li></ol></nav>";
        String topics = "<nav aria-label='Themen in diesem Artikel'><a href='/thema/bahn'>Bahn</a></nav>";
        String html = HtmlPrepass.prepare("<body>" + menu + trail + "<p>Text</p>" + topics + "</body>").html();
        assertEquals("<body>" + trail + "<p>Text</p>" + topics + "</body>", html);
        // An <h2> is no reason to keep a menu; an unclosed nav is left to the parser.
        assertEquals("<body><p>x</p></body>", HtmlPrepass.prepare("<body><nav><h2>Menu</h2></nav><p>x</p></body>").html());
        assertEquals("<body><nav><a>x</a>", HtmlPrepass.prepare("<body><nav><a>x</a>").html());
    }

    @Test
    void aPlainMarkupTemplateInsideTheDeclaredArticleBodyIsTheArticle() {
        // A blog platform that ships the post as a template its script renders.
        String page = "<div class='post-body' itemprop='articleBody'>\n<script type='text/template'>"
                + "<p>Over the past years we have seen threats grow.</p></script></div>";
        String html = HtmlPrepass.prepare(page).html();
        assertTrue(html.contains("<p>Over the past years we have seen threats grow.</p>"), html);
        assertFalse(html.contains("script"), html);
    }

    @Test
    void otherTemplatesStayCode() {
        String withPlaceholders = "<div itemprop='articleBody'><script type='text/template'><p>{{title}}</p>"
                + "</script><p>Body</p></div>";
        assertEquals("<div itemprop='articleBody'><p>Body</p></div>", HtmlPrepass.prepare(withPlaceholders).html());
        String outsideTheBody = "<div class='widget'><script type='text/template'><p>Subscribe now</p></script></div>";
        assertEquals("<div class='widget'></div>", HtmlPrepass.prepare(outsideTheBody).html());
    }
}
