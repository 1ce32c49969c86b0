package io.newsflow.common.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An article with what the enricher found in it: the value of {@code news.enriched}.
 *
 * @param duplicateOf the id of a near-duplicate article seen before, or null
 */
@JsonPropertyOrder({"schema"})
public record EnrichedArticle(
        Article article,
        LanguageGuess language,
        List<Entity> entities,
        List<Tag> tags,
        String duplicateOf) {

    public static final String SCHEMA = "newsflow.enriched/1";

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }
}
