package io.newsflow.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.Condition;
import io.newsflow.enrich.alerts.Rule;
import io.newsflow.enrich.alerts.RuleMatch;
import io.newsflow.enrich.alerts.RuleSet;
import io.newsflow.enrich.alerts.RulesException;
import io.newsflow.enrich.alerts.RulesParser;

/** {@code newsflow rules check|test}: alert rules files, checked and tried on local pages without Kafka. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Alert rules files (grammar: docs/alerts.md).",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads the rules, or prints why not (every broken rule and its problem) and returns null. */
    static RuleSet load(Path file) {
        try {
            return RulesParser.parse(file);
        } catch (RulesException e) {
            System.err.println(e.getMessage());
            return null;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a rules file: prints its rules, or every broken rule with its problem (exit 1).")
    static final class Check implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RULES", description = "The rules file (YAML, or JSON when it ends in .json).")
        Path file;

        @Override
        public Integer call() {
            RuleSet rules = load(file);
            if (rules == null) {
                return 1;
            }
            for (Rule rule : rules.rules()) {
                System.out.println(rule.id() + (rule.name().equals(rule.id()) ? "" : " (" + rule.name() + ")") + ": "
                        + Condition.describe(rule.when()));
            }
            System.out.println(file + ": OK, " + rules);
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Extract and enrich local pages and run the rules on them, without Kafka: prints which rules "
                    + "fire on each page and why (the matched terms, where, and a snippet).")
    static final class Test implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RULES", description = "The rules file.")
        Path file;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "PAGE", description = "Page files or directories of them.")
        List<Path> pages;

        @Mixin
        PageUrlOptions pageUrls;

        @Option(names = "--json", description = "Print the alert records (JSON lines) instead of the explanation.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            RuleSet rules = load(file);
            if (rules == null) {
                return 1;
            }
            Enricher enricher = new Enricher();
            int[] counts = new int[2];  // pages read, alerts
            Map<String, Integer> perRule = new LinkedHashMap<>();
            LocalPages.extract(pages, pageUrls.url, pageUrls.baseUrl, null, (page, article) -> {
                counts[0]++;
                EnrichedArticle enriched = enricher.enrich(article);
                List<RuleMatch> matches = rules.match(enriched);
                counts[1] += matches.size();
                matches.forEach(m -> perRule.merge(m.rule().id(), 1, Integer::sum));
                if (json) {
                    matches.forEach(m -> System.out.println(JsonCodec.encodeToString(m.toAlert(enriched))));
                } else {
                    System.out.print(explain(page, enriched, matches, rules.size()));
                }
            });
            int pagesRead = counts[0];
            int alerts = counts[1];
            if (!json) {
                System.out.println(pagesRead + " pages, " + alerts + " alerts"
                        + (perRule.isEmpty() ? "" : ": " + perRule.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))));
            }
            return 0;
        }
    }

    /** Which rules fired on one article and why. */
    static String explain(Path page, EnrichedArticle enriched, List<RuleMatch> matches, int ruleCount) {
        StringBuilder s = new StringBuilder();
        Article article = enriched.article();
        s.append(page.getFileName()).append(": ").append(article.title()).append('\n');
        s.append("  ").append(article.id()).append(" · ").append(enriched.language().code())
                .append(" · section ").append(article.section() == null ? "–" : article.section()).append('\n');
        for (RuleMatch match : matches) {
            s.append("  ✓ ").append(match.rule().id());
            if (!match.rule().name().equals(match.rule().id())) {
                s.append(" (").append(match.rule().name()).append(')');
            }
            s.append('\n');
            Map<String, List<Alert.AlertMatch>> byTerm = new LinkedHashMap<>();
            for (Alert.AlertMatch m : match.matched()) {
                byTerm.computeIfAbsent(m.term(), t -> new ArrayList<>()).add(m);
            }
            byTerm.forEach((term, list) -> s.append("      ").append(term).append(": ").append(list.stream()
                    .limit(8).map(m -> "«" + m.text() + "»" + (m.start() >= 0 ? " @" + m.start() + "-" + m.end() : ""))
                    .collect(Collectors.joining(", "))).append(list.size() > 8 ? ", … (" + list.size() + ")" : "")
                    .append('\n'));
            s.append("      ").append(match.snippet()).append('\n');
        }
        int silent = ruleCount - matches.size();
        s.append("  ").append(matches.isEmpty() ? "no rule fired" : silent + " other rule" + (silent == 1 ? "" : "s")
                + " did not fire").append("\n\n");
        return s.toString();
    }
}
