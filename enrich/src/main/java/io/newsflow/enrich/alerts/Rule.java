package io.newsflow.enrich.alerts;

import java.util.Objects;

/**
 * One watch rule: a stable id (part of the alert key), a name for people, and its condition.
 *
 * @param position the rule's 1-based position in its file, for messages
 */
public record Rule(String id, String name, Condition when, int position) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
        name = name == null || name.isBlank() ? id : name;
    }
}
