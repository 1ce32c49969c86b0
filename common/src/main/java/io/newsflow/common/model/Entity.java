package io.newsflow.common.model;

import java.util.List;

/**
 * One entity of an article and every place it is mentioned.
 *
 * @param name the canonical form (the nominative, the full name when the article gives it)
 */
public record Entity(EntityType type, String name, List<Mention> mentions) {

    public Entity {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
