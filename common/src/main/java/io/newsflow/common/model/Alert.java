package io.newsflow.common.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A watch rule that fired on an article: the value of {@code news.alerts}, keyed by rule id and article id.
 *
 * @param duplicateOf the article's {@code duplicateOf}: the id of a near-duplicate seen before, or null, so that an
 *                    alert consumer can skip a story it has already been told about under another URL
 * @param fetchedAt   the fetch time of the article version that raised it (see {@link ArticleVersion})
 */
@JsonPropertyOrder({"schema"})
public record Alert(
        String ruleId,
        String ruleName,
        String articleId,
        String url,
        String title,
        String published,
        String contentHash,
        List<AlertMatch> matched,
        String snippet,
        String duplicateOf,
        String fetchedAt) {

    public static final String SCHEMA = "newsflow.alert/1";

    public Alert {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }

    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }

    /** One term of a rule as it matched the article text. */
    public record AlertMatch(String term, int start, int end, String text) {
    }
}
