package io.newsflow.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag of an article, with where it came from and how strongly it applies (0 to 1). */
public record Tag(String name, Source source, double score) {

    /** Where a tag came from. */
    public enum Source {
        /** The publisher's own tags and section. */
        @JsonProperty("publisher") PUBLISHER,
        /** A topic from the Newsflow taxonomy. */
        @JsonProperty("topic") TOPIC,
        /** A key phrase taken from the text. */
        @JsonProperty("keyphrase") KEYPHRASE
    }
}
