package io.newsflow.enrich.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import io.newsflow.common.model.Article;

/** The RBC story of the issue (body paragraphs only, no advert) as an Article, like the extractor gives it. */
public final class RbcStory {

    public static final String URL = "https://www.rbc.ru/politics/26/06/2021/60d6f4a99a7947a0b1b1d7c1";

    private RbcStory() {
    }

    public static Article article() {
        String all;
        try (InputStream in = RbcStory.class.getResourceAsStream("rbc-story.txt")) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int split = all.indexOf("\n\n");
        String title = all.substring(0, split);
        String text = all.substring(split + 2);
        return article(title, text);
    }

    public static Article article(String title, String text) {
        return article(URL, title, text);
    }

    public static Article article(String url, String title, String text) {
        return new Article(url, url, url, title, null, List.of(), "2021-06-26T14:05:00+03:00", null, "РБК",
                "Политика", List.of(), "ru", text, null, text.split("\\s+").length, sha256(title + "\n\n" + text));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
