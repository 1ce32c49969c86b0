package io.newsflow.app;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.newsflow.common.model.RawPage;

/** Realistic generated news pages for pipeline tests: distinct URLs, boilerplate around a real body. */
final class TestPages {

    private static final String[] SUBJECTS = {"The city council", "Local farmers", "The central bank", "Researchers",
            "The transport ministry", "Fire crews", "Two hospitals", "The football club"};
    private static final String[] VERBS = {"announced", "rejected", "postponed", "approved", "questioned", "welcomed"};
    private static final String[] OBJECTS = {"a new budget for the coming year", "plans for a second bridge",
            "the proposal to extend opening hours", "a study of river pollution", "the merger of two schools",
            "new rules for short-term rentals"};

    private TestPages() {
    }

    static String url(int i) {
        return "https://news.example.org/2024/05/story-" + i + ".html";
    }

    static RawPage page(int i) {
        Random random = new Random(i);
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 4; p++) {
            body.append("<p>").append(SUBJECTS[random.nextInt(SUBJECTS.length)]).append(' ')
                    .append(VERBS[random.nextInt(VERBS.length)]).append(' ')
                    .append(OBJECTS[random.nextInt(OBJECTS.length)])
                    .append(" on Tuesday, according to a statement published in the morning, story number ")
                    .append(i).append(", paragraph ").append(p + 1).append(".</p>\n");
        }
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Story " + i + " — Example Gazette</title>"
                + "<link rel=\"canonical\" href=\"" + url(i) + "\">"
                + "<meta property=\"og:title\" content=\"Story " + i + "\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                + "<article><h1>Story " + i + "</h1>\n" + body + "</article>"
                + "<footer>© Example Gazette</footer></body></html>";
        return new RawPage(url(i), "2024-05-14T08:00:00Z", "text/html; charset=utf-8", "test",
                html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An English article page: {@code title} and {@code sentence} are text (markup in them is escaped in the page, so
     * the extracted article holds it as text), the sentence repeated {@code times} over paragraphs of five.
     */
    static String article(String url, String title, String leadImage, String sentence, int times) {
        StringBuilder body = new StringBuilder("<p>");
        for (int i = 0; i < times; i++) {
            body.append(escape(sentence)).append(i % 5 == 4 ? "</p>\n<p>" : "");
        }
        body.append("</p>");
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<link rel=\"canonical\" href=\"" + escape(url) + "\">"
                + "<meta property=\"og:title\" content=\"" + escape(title) + "\">"
                + "<meta property=\"article:published_time\" content=\"2026-12-02T09:00:00Z\">"
                + (leadImage == null ? "" : "<meta property=\"og:image\" content=\"" + escape(leadImage) + "\">")
                + "</head><body><article><h1>" + escape(title) + "</h1>\n" + body + "</article></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
