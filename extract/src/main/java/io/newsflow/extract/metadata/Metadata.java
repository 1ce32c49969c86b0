package io.newsflow.extract.metadata;

import java.util.List;

import io.newsflow.common.model.LeadImage;

/**
 * What a page says about its article besides the body: all fields optional (null or empty when the page is silent).
 *
 * @param published    ISO-8601 with the offset when the page gives one, else a local date-time or a date
 * @param jsonLdBody   the JSON-LD {@code articleBody}, when the page has one
 * @param markedArticle whether the page declares itself an article (og:type, schema.org type, published time)
 * @param shownTitle   the title as the page's text shows it, before the declared form's soft hyphens or quote marks
 *                     were taken: the body finds and leaves out its headline by these words
 */
public record Metadata(String canonicalUrl, String title, String description, List<String> authors,
        String published, String modified, String siteName, String section, List<String> tags, String language,
        LeadImage leadImage, String jsonLdBody, boolean markedArticle, String shownTitle) {

    public Metadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
