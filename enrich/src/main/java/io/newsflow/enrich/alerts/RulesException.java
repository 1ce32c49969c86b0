package io.newsflow.enrich.alerts;

import java.util.List;

/** A rules file that cannot be used; the message names each broken rule and what is wrong with it. */
public final class RulesException extends RuntimeException {

    private final List<String> problems;

    public RulesException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming the rule ({@code rule 'lavrov-blinken' (#2): ...}). */
    public List<String> problems() {
        return problems;
    }
}
