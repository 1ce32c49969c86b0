package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A page's one {@code <main>} holds its story: a box outside it that scores higher only on its commas (a modal's
 * privacy policy, a sidebar's blurb, named by hashes no word list reads) does not take its place.
 */
class MainElementTest {

    /** A privacy notice in a hidden-by-script modal: one box, one long sentence full of commas after another. */
    private static final String MODAL = "<div class='x1f9a'><div class='x77c2'>"
            + "<p>We collect, store, and process data, such as your address, device, browser, and visits, to run, "
            + "secure, and improve the site, measure, and share, where allowed, with partners, vendors, and others.</p>"
            + "<p>You may ask, at any time, to see, correct, move, or delete it, and to object, withdraw, or complain, "
            + "in writing, by mail, or by e-mail, to us, or to a regulator, as the law, where you live, allows.</p>"
            + "</div></div>";

    /** A how-to in sections, each a heading and short plain sentences: no one section outscores the modal. */
    private static String story() {
        StringBuilder s = new StringBuilder("<div class='x3b10'>");
        String[] steps = {"Pick the seeds", "Soak them", "Plant them", "Keep them warm", "Water them", "Move them"};
        for (String step : steps) {
            s.append("<section class='x8d21'><h2>").append(step).append("</h2>")
                    .append("<p>Take the seeds from a ripe lemon, wash the pulp off them and do this step in the ")
                    .append("morning. The seeds must not dry out, so keep them in a cup of water until the next step ")
                    .append("of the work, which comes a day later.</p>")
                    .append("<p>Most seeds sprout within two weeks, some take a month. Do not give up on them too ")
                    .append("soon, since a warm room helps them along and a cold one only slows them down a little.</p>")
                    .append("</section>");
        }
        return s.append("</div>").toString();
    }

    private static String page(String mainTag) {
        return "<html><body><div class='x0aa'>" + MODAL + "</div><" + mainTag + " class='x5e'>" + story() + "</"
                + mainTag + "></body></html>";
    }

    @Test
    void theBestBoxInMainTakesThePlaceOfABoxOutsideItThatScoresHigher() {
        String inMain = BodyExtractor.extract(Jsoup.parse(page("main")).body()).text();
        String inDiv = BodyExtractor.extract(Jsoup.parse(page("div")).body()).text();

        assertTrue(inDiv.startsWith("We collect"), "without <main> the modal wins on its commas: " + inDiv);
        assertTrue(inMain.contains("Take the seeds from a ripe lemon"), inMain);
        assertFalse(inMain.contains("We collect"), inMain);
    }

    @Test
    void aMainThatHoldsLittleTextDoesNotDrawTheBodyIntoIt() {
        // A <main> around a short intro only, the long piece beside it in a plain box: the box keeps the body.
        String page = "<html><body><main><p>Welcome to our garden pages. Read on below.</p></main>"
                + "<div class='x9'>" + MODAL + "</div></body></html>";

        String body = BodyExtractor.extract(Jsoup.parse(page).body()).text();

        assertTrue(body.startsWith("We collect"), body);
    }

    @Test
    void twoMainElementsSayNothingAboutWhichHoldsTheStory() {
        String page = "<html><body><div class='x0aa'>" + MODAL + "</div><main>" + story() + "</main><main>"
                + story() + "</main></body></html>";

        String body = BodyExtractor.extract(Jsoup.parse(page).body()).text();

        assertTrue(body.startsWith("We collect"), body);
    }
}
