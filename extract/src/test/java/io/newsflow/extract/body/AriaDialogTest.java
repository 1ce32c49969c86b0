package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A box ARIA marks as a dialog is laid over the page, as a {@code <dialog>} is: not the story while the page holds one
 * elsewhere.
 */
class AriaDialogTest {

    /** A sign-up prompt: long, comma-rich sentences in one box, named by a hash. */
    private static String prompt(String attributes) {
        return "<div class='q8f1' " + attributes + "><div class='z2'>"
                + "<p>Sign up, for free, today, and get, every morning, at seven, the news, the weather, the traffic, "
                + "the sport, and, on Fridays, the weekend, the films, the concerts, the markets, and more, for you.</p>"
                + "<p>Already, a reader, a subscriber, or a member? Log in, with your e-mail, your phone, or, if you "
                + "like, your account, and read on, on any device, at home, at work, or on the road, as you please.</p>"
                + "</div></div>";
    }

    private static final String STORY = "<div class='k31'><p>The council voted on Tuesday to close the old bridge "
            + "for repairs. Work starts in May and should take a year.</p><p>Drivers will be sent across the new "
            + "bridge to the north. The council expects longer queues at peak times.</p><p>Cyclists and walkers can "
            + "still cross on a temporary walkway. It opens a week before the bridge closes.</p><p>The bridge was built "
            + "in 1932 and last repaired in 1987. Engineers found cracks in two of its piers last autumn.</p><p>Shops "
            + "near the bridge fear a quiet year. The council has promised them a lower rate while the work goes on."
            + "</p><p>A public meeting on the plans is set for next Thursday in the town hall. The mayor and the "
            + "engineers will answer questions there.</p></div>";

    private static String page(String dialogAttributes) {
        return "<html><body>" + prompt(dialogAttributes) + STORY + "</body></html>";
    }

    @Test
    void aBoxMarkedAsADialogIsNotTakenForTheStory() {
        String plain = BodyExtractor.extract(Jsoup.parse(page("")).body()).text();
        String dialog = BodyExtractor.extract(Jsoup.parse(page("role='dialog'")).body()).text();
        String modal = BodyExtractor.extract(Jsoup.parse(page("aria-modal='true'")).body()).text();

        assertTrue(plain.startsWith("Sign up"), "unmarked, the prompt wins on its commas: " + plain);
        for (String body : new String[] {dialog, modal}) {
            assertTrue(body.startsWith("The council voted"), body);
            assertFalse(body.contains("Sign up"), body);
        }
    }

    @Test
    void theDialogRolesAndTheModalFlagAreRead() {
        Element dialog = Jsoup.parse("<div role='dialog'></div>").selectFirst("div");
        Element alert = Jsoup.parse("<div role='alertdialog'></div>").selectFirst("div");
        Element modal = Jsoup.parse("<div aria-modal='true'></div>").selectFirst("div");
        Element notModal = Jsoup.parse("<div aria-modal='false' role='region'></div>").selectFirst("div");

        assertTrue(Hints.isDialog(dialog));
        assertTrue(Hints.isDialog(alert));
        assertTrue(Hints.isDialog(modal));
        assertFalse(Hints.isDialog(notModal));
    }
}
