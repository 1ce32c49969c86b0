package io.newsflow.common.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An article extracted from one page: the value of {@code news.articles}.
 *
 * @param id            the article id: the normalised canonical URL (see {@code ArticleIds})
 * @param url           the URL the page was fetched from
 * @param canonicalUrl  the page's own canonical URL, when it declares one
 * @param published     ISO-8601, with the offset when the page gives one ({@code 2021-06-26T14:05:00+03:00}),
 *                      a local date-time or a date otherwise
 * @param text          the body: paragraphs separated by a blank line
 * @param contentHash   SHA-256 (hex) of title and text, to tell versions of an article apart
 * @param fetchedAt     when the page of this version was fetched, an ISO-8601 instant in UTC: the raw record's
 *                      {@code newsflow.fetched-at} header, else its Kafka timestamp; null only in articles written
 *                      before the field existed. Versions of one article are ordered by it ({@link ArticleVersion})
 */
@JsonPropertyOrder({"schema"})
public record Article(
        String id,
        String url,
        String canonicalUrl,
        String title,
        String description,
        List<String> authors,
        String published,
        String modified,
        String siteName,
        String section,
        List<String> publisherTags,
        String language,
        String text,
        LeadImage leadImage,
        int wordCount,
        String contentHash,
        String fetchedAt) {

    public static final String SCHEMA = "newsflow.article/1";

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        publisherTags = publisherTags == null ? List.of() : List.copyOf(publisherTags);
    }

    /** An article whose fetch time is not known yet: the extractor's result, before its stage adds it. */
    public Article(String id, String url, String canonicalUrl, String title, String description, List<String> authors,
                   String published, String modified, String siteName, String section, List<String> publisherTags,
                   String language, String text, LeadImage leadImage, int wordCount, String contentHash) {
        this(id, url, canonicalUrl, title, description, authors, published, modified, siteName, section, publisherTags,
                language, text, leadImage, wordCount, contentHash, null);
    }

    /** This version with its fetch time. */
    public Article withFetchedAt(String fetchedAt) {
        return new Article(id, url, canonicalUrl, title, description, authors, published, modified, siteName, section,
                publisherTags, language, text, leadImage, wordCount, contentHash, fetchedAt);
    }

    /** The same article with another text (fields derived from the text are left as they are). */
    public Article withText(String text) {
        return new Article(id, url, canonicalUrl, title, description, authors, published, modified, siteName, section,
                publisherTags, language, text, leadImage, wordCount, contentHash, fetchedAt);
    }

    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }
}
