package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.newsflow.extract.Extractor;
import io.newsflow.extract.NotAnArticleException;

/** A comment thread is left out by the words that head it, also when its boxes carry no telling class names. */
class CommentThreadTest {

    private static final String STORY = ("<p>Die Stadt baut bis zum Sommer drei neue Radwege, und die Anwohner dürfen"
            + " mitreden, wo sie verlaufen sollen, sagte der Bürgermeister am Montag im Rathaus.</p>").repeat(4);

    private static final String THREAD = "<ol class='x7f2a'><li class='q9b1c'><p>Endlich! Das hätte man schon vor"
            + " zehn Jahren machen sollen, aber besser spät als nie, finde ich jedenfalls.</p><p>Anna, 3. Mai</p></li>"
            + "<li class='q9b1c'><p>Und wer bezahlt das alles? Wieder einmal die Steuerzahler, wie immer bei solchen"
            + " Projekten, die keiner braucht.</p><p>Bernd, 4. Mai</p></li></ol>";

    private static String text(String html) {
        try {
            return new Extractor().extract(html.getBytes(StandardCharsets.UTF_8),
                "https://news.example.de/stadt/2024/05/drei-neue-radwege", "text/html; charset=utf-8").text();
        } catch (NotAnArticleException e) {
            throw new AssertionError(e);
        }
    }

    private static String page(String afterStory) {
        return "<html><head><title>Drei neue Radwege</title></head><body><div class='a1b2'><h1>Drei neue Radwege"
                + "</h1>" + STORY + afterStory + "</div></body></html>";
    }

    @Test
    void aHeadingThatCountsTheCommentsOpensTheThread() {
        String text = text(page("<h3>2 Kommentare</h3>" + THREAD));
        assertTrue(text.contains("Bürgermeister"), text);
        assertFalse(text.contains("Steuerzahler"), text);
        assertFalse(text.contains("Endlich"), text);
    }

    @Test
    void aThreadInABoxOfItsOwnIsLeftOutFromItsHeading() {
        // The readers wrote more than the story holds, in long comma-rich sentences: by score alone, their box wins.
        StringBuilder thread = new StringBuilder("<ol class='x7f2a'>");
        for (int i = 0; i < 8; i++) {
            thread.append("<li class='q9b1c'><p>Und wer bezahlt das alles, frage ich mich, wenn die Kassen leer sind,")
                    .append(" die Schulen verfallen, die Busse ausfallen und die Steuerzahler, wie immer, die Zeche")
                    .append(" zahlen, für Projekte, die keiner braucht, außer ein paar Leuten im Rathaus?</p></li>");
        }
        thread.append("</ol>");
        String text = text("<html><body><div class='a1b2'><h1>Drei neue Radwege</h1><div class='e5f6'>" + STORY
                + "</div></div><div class='c3d4'><h2>8 thoughts on “Drei neue Radwege” »</h2>" + thread
                + "</div></body></html>");
        assertFalse(text.contains("Steuerzahler"), text);
        assertTrue(text.contains("Bürgermeister"), text);
    }

    private static String comment(int id, String tag, String wrapper) {
        String meta = "<span>Leser " + id + "</span> <a href='#comment-" + (5200 + id) + "'>3. Mai 2024</a>";
        String text = "<p>Und wer bezahlt das alles, frage ich mich, wenn die Kassen leer sind, die Schulen verfallen,"
                + " die Busse ausfallen und die Steuerzahler, wie immer, die Zeche zahlen, für Projekte?</p>";
        return tag.equals("dl") ? "<dt>" + meta + "</dt><dd>" + text + "</dd>"
                : "<" + wrapper + ">" + meta + text + "</" + wrapper + ">";
    }

    @Test
    void commentsThatEachLinkToThemselvesAreAThreadWithoutAnyHeading() {
        // A definition list: each <dt> carries the name and the comment's permalink, each <dd> the comment.
        StringBuilder dl = new StringBuilder("<dl>");
        // Comment boxes in the story's own box, side by side with its paragraphs.
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            dl.append(comment(i, "dl", null));
            flat.append(comment(i, "div", "div"));
        }
        dl.append("</dl>");
        String story = "<html><body><div class='a1b2'><h1>Drei neue Radwege</h1><div class='e5f6'>" + STORY + "%s</div>"
                + "</div>%s</body></html>";

        String inList = text(story.formatted("", dl));
        assertTrue(inList.contains("Bürgermeister"), inList);
        assertFalse(inList.contains("Steuerzahler"), inList);

        // Comments standing in the story's own box mark only themselves: the story's box stays the best place,
        // and they are left out of it.
        String besideTheStory = text(story.formatted(flat, ""));
        assertTrue(besideTheStory.contains("Bürgermeister"), besideTheStory);
        assertFalse(besideTheStory.contains("Steuerzahler"), besideTheStory);
    }

    @Test
    void sectionsThatLinkToTheirOwnAnchorAreNoThread() {
        // A CMS's content elements carry short anchors (TYPO3's "#c68514"), linked from each section's heading.
        StringBuilder sections = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sections.append("<div id='c6851").append(i).append("'><h2><a href='#c6851").append(i).append("'>Teil ")
                    .append(i).append("</a></h2><p>Teil ").append(i).append(": die Stadt baut bis zum Sommer drei")
                    .append(" neue Radwege, und die Anwohner dürfen mitreden, wo sie verlaufen sollen.</p></div>");
        }
        String text = text("<html><body><div class='a1b2'><h1>Drei neue Radwege</h1>" + sections
                + "</div></body></html>");
        for (int i = 0; i < 4; i++) {
            assertTrue(text.contains("Teil " + i + ": die Stadt"), text);
        }
    }

    @Test
    void aThreadHeadedByALineOfTextIsCutFromTheBody() {
        String text = text(page("<p>Kommentare</p><p>#1 Kommentar von Anna</p><p>Endlich! Das hätte man schon vor"
                + " zehn Jahren machen sollen, aber besser spät als nie, finde ich jedenfalls.</p>"));
        assertFalse(text.contains("Endlich"), text);
        assertTrue(text.contains("Bürgermeister"), text);
    }

    @Test
    void aCountAboveTheStoryOrAJumpLinkToTheThreadCutsNothing() {
        String above = "<html><body><div class='a1b2'><h1>Drei neue Radwege</h1><h4>2 Kommentare</h4>" + STORY
                + "</div></body></html>";
        assertTrue(text(above).contains("Bürgermeister"), text(above));
        String jump = "<html><body><div class='a1b2'><h1>Drei neue Radwege</h1><p>Von Anna Beispiel</p>"
                + STORY.substring(0, STORY.length() / 4) + "<h4><a href='#comments'>2 Kommentare</a></h4>"
                + STORY.substring(STORY.length() / 4).replace("Montag", "Dienstag") + "</div></body></html>";
        assertTrue(text(jump).contains("Dienstag"), text(jump));
    }

    @Test
    void threadHeadingsAreKnownByTheirWords() {
        for (String opener : new String[] {"35 Comments", "35 Comments »", "2 thoughts on “Drei neue Radwege”",
                "One response to \"Radwege\"", "Ein Gedanke zu „Radwege“", "Comments (35)", "Kommentare: 3", "Top Rated Comments", "Neueste Kommentare",
                "Dieser Artikel hat 32 Kommentare.", "Leave a Reply", "Kommentar verfassen",
                "Hinterlasse jetzt einen Kommentar", "Einen Kommentar schreiben", "44 Kommentare", "Laisser un commentaire"}) {
            assertTrue(Boilerplate.opensCommentThread(opener), opener);
        }
        for (String line : new String[] {"3 Antworten auf die wichtigsten Fragen", "5 thoughts on the budget",
                "Comments from the minister were sharp", "Kommentare der Presse zum Haushalt",
                "A comment on the budget: why it fails"}) {
            assertFalse(Boilerplate.opensCommentThread(line), line);
        }
    }

    @Test
    void thePreCheckPassesEveryCommentLinkAndFewOthers() {
        for (String link : new String[] {"#comment-52174", "https://blog.example.org/2013/06/post/#comment-5217",
                "#C5689936624652663696", "/post#reply-12", "/post?replytocom=52174#respond", "?showComment=1371&m=1",
                "/thread?page=2&comment_id=88", "/a?ShowComment=5", "https://www.example.com/post?replytocom=7",
                "/a&comment_id=5?page=2"}) {
            assertTrue(BlockCollector.mayLinkComment(link), link);
            assertTrue(BlockCollector.COMMENT_LINK.matcher(link).find(), link);
        }
        for (String link : new String[] {"/news/2024/05/radwege", "/a#top", "/a#main-content", "/search?q=rad&p=2",
                "#", "/a?", "https://www.example.com/search?q=rad"}) {
            assertFalse(BlockCollector.mayLinkComment(link), link);
        }
    }
}
