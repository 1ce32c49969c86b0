package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Pages whose class names say nothing (CSS modules, CSS-in-JS: {@code css-1x2y3z}): the body is found by how the page
 * is built and what its boxes say, not by what they are called.
 */
class UnnamedBoxesTest {

    /** Plain news prose, few commas, in boxes named by hash. */
    private static final String STORY = "<div class='c9f2a1'><div class='c77b0e'>"
            + "<p>The council approved the new bus line on Tuesday. It will link the station with the hospital.</p>"
            + "<p>Work on the stops starts in spring. The first buses are to run in the autumn.</p>"
            + "<p>The line costs four million euros. The state pays half of it.</p>"
            + "<p>Residents had asked for the link for years. The old route took twice as long.</p></div></div>";

    /** A consent banner above the story: long, comma-rich sentences that outscore the story on commas. */
    private static final String CONSENT = "<div class='c1d4e8'><div class='c3a0ff'>"
            + "<p>We use cookies, pixels and similar technologies to improve your experience, show personalised "
            + "content, ads, and offers, measure traffic, and understand, in aggregate, where our readers come from, "
            + "which pages they read, and how long they stay. To opt out, please read our privacy policy.</p>"
            + "<p>By choosing Accept, you consent to our use of cookies, pixels, and similar technologies, and to "
            + "the processing of your data, as described, in detail, in our policy.</p></div></div>";

    @Test
    void aCookieConsentBannerDoesNotScoreAsTheArticle() {
        Document doc = Jsoup.parse("<html><body>" + CONSENT + "<div class='c55aa0'>" + STORY + "</div></body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.startsWith("The council approved"), text);
        assertTrue(text.contains("twice as long"), text);
        assertFalse(text.contains("cookies"), text);
    }

    @Test
    void aPhotoCaptionDoesNotScoreAsTheArticle() {
        String photo = "<div class='c4b1e02'><img src='/space.jpg' alt=''>"
                + "<p>In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L. Curbeam Jr., left, "
                + "and astronaut Christer Fuglesang, right, take part in a space walk, during the station's construction, "
                + "in orbit. (NASA via AP, File)</p></div>";
        Document doc = Jsoup.parse("<html><body><div class='c0e0e0e'><h1>Study sees future for sleeping astronauts</h1>"
                + photo + "<div class='c2a2a2a'>" + STORY + "</div></div></body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.startsWith("The council approved"), text);
        assertTrue(text.contains("twice as long"), text);
    }

    @Test
    void aCaptionIsTheOnlyTextBesideItsImage() {
        Document doc = Jsoup.parse("<div id='a'><img src='/a.jpg'><p>A photo, with a caption, that is long enough.</p></div>"
                + "<div id='b'><a href='/big.jpg'><img src='/b.jpg'></a><p>Linked photo, linked caption, long enough.</p>"
                + "</div><div id='c'><img src='/c.jpg'><p>One paragraph, then another, beside the image.</p>"
                + "<p>The second paragraph makes it a story.</p></div>"
                + "<div id='d'><span>Credit</span><img src='/d.jpg'><p>Caption, with a credit, beside the image.</p></div>");
        java.util.Map<String, Boolean> captions = new java.util.TreeMap<>();
        for (TextBlock b : BlockCollector.collect(doc.body())) {
            captions.merge(b.owner().parent().id(), BodyExtractor.captionsAnImage(b), Boolean::logicalOr);
        }

        assertTrue(captions.get("a"), "an image and its caption");
        assertTrue(captions.get("b"), "a linked image and its caption");
        assertFalse(captions.get("c"), "two paragraphs beside an image are prose");
        assertFalse(captions.get("d"), "a box with more text than the paragraph is no bare caption");
    }

    @Test
    void paragraphsWrappedInPlainBoxesScoreTheBoxThatHoldsThem() {
        // Each paragraph in two bare <div>s of its own: scored as a paragraph of its own box, the story's box got a
        // sixth of each paragraph's score, and a promotion's one comma-rich paragraph further down won.
        StringBuilder story = new StringBuilder("<div class='c71d0aa'>");
        for (int i = 1; i <= 3; i++) {
            story.append("<div><div><p>Paragraph ").append(i).append(" of the story: the council met again on ")
                    .append("Tuesday evening to discuss the new bus line between the station and the hospital, ")
                    .append("and the members agreed that the work on the stops should start in the spring.</p>")
                    .append("</div></div>");
        }
        story.append("</div>");
        String promo = "<div class='c5e5e5e'><div class='c0b0b0b'><div class='c1c1c1c'><p>Subscribe now, and get "
                + "our newsletter, our app, our podcast, free, for a month, then, for a small fee, every week.</p>"
                + "</div></div></div>";
        Document doc = Jsoup.parse("<html><body>" + story + promo + "</body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.startsWith("Paragraph 1 of the story"), text);
        assertTrue(text.contains("Paragraph 3 of the story"), text);
        assertFalse(text.contains("Subscribe"), text);
    }

    @Test
    void captionsInsideTheStoryAreLeftOutOfItsText() {
        // A theme's own caption markup under hashed names: each photo and its caption in a box of their own, among
        // the story's paragraphs, the same caption under each photo of the series.
        String photo = "<div class='c2b4bf6c'><img src='/p.jpg'><p class='c4021cb2'>The festival's opening night in"
                + " the park, with the theatre's dancers on the open-air stage</p></div>";
        Document doc = Jsoup.parse("<html><body><div class='c38008e'>" + photo
                + STORY.replace("</p><p>", "</p>" + photo + "<p>") + "</div></body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.startsWith("The council approved"), text);
        assertTrue(text.contains("twice as long"), text);
        assertFalse(text.contains("opening night"), text);
    }

    @Test
    void aLongParagraphBesideItsPictureIsTheStoryNotACaption() {
        // A slideshow's page: one photo and what the slide says, over 300 characters of it.
        String slide = "<p>Perhaps to keep busy, the singer went to the fashion week in July, where the press mocked"
                + " her looks again; she has shown since then that she takes such criticism in her stride, and she"
                + " told an interviewer that her children and her music come first, and that she is not planning on"
                + " slowing down at all, whatever the papers write about her.</p>";
        Document doc = Jsoup.parse("<html><body><div class='c5e1'><picture><img src='/s21.jpg'></picture>" + slide
                + "</div></body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.startsWith("Perhaps to keep busy"), text);
    }

    @Test
    void aQuotationBesideAPhotoIsNoCaption() {
        // A review page: each visitor's words quoted beside their photo, between the story's paragraphs.
        String review = "<blockquote><div><img src='/r.jpg'></div><p>“The show was great, and booking the tickets was"
                + " easy.”</p></blockquote>";
        Document doc = Jsoup.parse("<html><body><div class='c38008e'>" + STORY.replace("</p><p>", "</p>" + review
                + "<p>") + "</div></body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.contains("The show was great"), text);
    }

    @Test
    void aStoryToldAsAListOfTipsOutscoresItsLead() {
        // The lead in a box of its own, the story a list of tips, one long sentence each: list items scored nothing,
        // and the short lead won.
        String lead = "<div class='c1a2'><p>How do you help a blind person in a restaurant, or on the bus? With help"
                + " from the associations, we wrote a short guide.</p></div>";
        StringBuilder tips = new StringBuilder("<div class='c3b4'><p><b>Blind people:</b></p><ul>");
        for (int i = 1; i <= 6; i++) {
            tips.append("<li>Tip ").append(i).append(": ask first whether the person wants help, and never pull them")
                    .append(" by the arm or the sleeve, however well you mean it, and tell them where you are.</li>");
        }
        tips.append("</ul></div>");
        String menu = "<ul class='c5c6'><li><a href='/a'>News</a></li><li><a href='/b'>Sport</a></li></ul>";
        Document doc = Jsoup.parse("<html><body>" + menu + lead + tips + "</body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.contains("Tip 1:") && text.contains("Tip 6:"), text);
        assertFalse(text.contains("Sport"), text);
    }
}
