package io.newsflow.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.newsflow.common.model.Article;
import io.newsflow.common.topics.ArticleIds;

/**
 * Turns the bytes of a news page into an {@link Article}: a pure function of bytes, URL and content-type.
 */
public final class Extractor {

    /** Pages larger than this are rejected rather than parsed. */
    public static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;

    /**
     * Extracts the article of a page.
     *
     * @param page        the page bytes as fetched
     * @param url         the URL it was fetched from (absolute)
     * @param contentType the HTTP content-type header, or null
     * @throws NotAnArticleException when the page holds no article
     */
    public Article extract(byte[] page, String url, String contentType) throws NotAnArticleException {
        if (page == null || page.length == 0) {
            throw new NotAnArticleException(NotAnArticleException.Reason.EMPTY, "the page has no bytes");
        }
        if (page.length > MAX_PAGE_BYTES) {
            throw new NotAnArticleException(NotAnArticleException.Reason.TOO_LARGE,
                    "the page is " + page.length + " bytes, over the limit of " + MAX_PAGE_BYTES);
        }
        if (looksBinary(page)) {
            throw new NotAnArticleException(NotAnArticleException.Reason.BINARY, "the page is not text");
        }
        Document doc = Jsoup.parse(new String(page, charsetOf(contentType)), url);
        String title = firstNonBlank(meta(doc, "og:title"), doc.title());
        List<String> paragraphs = new ArrayList<>();
        for (Element p : doc.select("p")) {
            String text = p.text().strip();
            if (text.length() >= 40) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            throw new NotAnArticleException(NotAnArticleException.Reason.NO_ARTICLE, "no paragraph of text found");
        }
        String text = String.join("\n\n", paragraphs);
        String canonical = doc.select("link[rel=canonical]").attr("abs:href");
        String id = ArticleIds.orNull(canonical.isBlank() ? url : canonical);
        return new Article(id == null ? url : id, url, canonical.isBlank() ? null : canonical, title,
                meta(doc, "description"), List.of(), meta(doc, "article:published_time"), null,
                meta(doc, "og:site_name"), meta(doc, "article:section"), List.of(), doc.select("html").attr("lang"),
                text, null, text.split("\\s+").length, sha256(title + "\n\n" + text));
    }

    private static Charset charsetOf(String contentType) {
        return StandardCharsets.UTF_8;
    }

    private static boolean looksBinary(byte[] page) {
        int control = 0;
        int n = Math.min(page.length, 4096);
        for (int i = 0; i < n; i++) {
            int b = page[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                control++;
            }
        }
        return control > n / 10;
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return e == null || e.attr("content").isBlank() ? null : e.attr("content").strip();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
