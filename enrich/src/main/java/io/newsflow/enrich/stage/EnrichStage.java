package io.newsflow.enrich.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.InputRecord;
import io.newsflow.common.runtime.OutputRecord;
import io.newsflow.common.runtime.RecordProcessor;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.runtime.TransactionListener;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.AlertLedger;
import io.newsflow.enrich.alerts.RuleMatch;
import io.newsflow.enrich.alerts.RulesFile;

/**
 * The enrich stage: {@code news.articles} in, {@code news.enriched} out; unreadable articles dead-lettered.
 *
 * <p>With a rules file it also writes {@code news.alerts} in the same transaction: one alert per rule that holds,
 * keyed {@code ruleId + " " + articleId}, unless the alert ledger already holds that key for the same article
 * version (content hash; see {@link AlertLedger}). The rules file is reloaded at batch boundaries when it changed.
 */
public final class EnrichStage {

    public static final String NAME = "enrich";
    /** The name of the alerts-only stage, {@link #alertsSpec}. */
    public static final String ALERTS_NAME = "alerts";
    /** Stage counters of alerts are named {@code alerts.<ruleId>}. */
    public static final String ALERT_COUNTER_PREFIX = "alerts.";

    private EnrichStage() {
    }

    public static StageSpec spec(Topics topics, Enricher enricher) {
        return new StageSpec(NAME, topics.articles(), List.of(topics.enriched()),
                input -> List.of(process(input, enricher, topics.enriched())));
    }

    /** The stage with alerting: rules from the file (kept up to date), dedup through the ledger. */
    public static StageSpec spec(Topics topics, Enricher enricher, RulesFile rules, AlertLedger ledger) {
        if (rules == null) {
            return spec(topics, enricher);
        }
        return new StageSpec(NAME, topics.articles(), List.of(topics.enriched(), topics.alerts()),
                new AlertingProcessor(topics, enricher, rules, ledger));
    }

    /**
     * Alerts alone, from the enriched articles of {@code news.enriched}: for replaying the rules (after a rules
     * change, say) without enriching again. Deduplicates through the same ledger as the enrich stage.
     */
    public static StageSpec alertsSpec(Topics topics, RulesFile rules, AlertLedger ledger) {
        return new StageSpec(ALERTS_NAME, topics.enriched(), List.of(topics.alerts()),
                new AlertingProcessor(topics, null, rules, ledger));
    }

    static OutputRecord process(InputRecord input, Enricher enricher, String outputTopic) {
        return output(input, enrich(input, enricher), outputTopic);
    }

    private static EnrichedArticle enrich(InputRecord input, Enricher enricher) {
        Article article = JsonCodec.decodeArticle(input.value());
        if (article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("the article has no id");
        }
        return enricher.enrich(article);
    }

    private static OutputRecord output(InputRecord input, EnrichedArticle enriched, String outputTopic) {
        Article article = enriched.article();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Headers.URL, article.url());
        headers.put(Headers.SOURCE, input.header(Headers.SOURCE));
        return new OutputRecord(outputTopic, article.id(), JsonCodec.encode(enriched), headers);
    }

    /**
     * Enrichment plus alerts. Alerts raised in the open transaction are held in a pending map, which goes to the
     * ledger when the transaction commits and is dropped when it aborts (the batch is then processed again).
     */
    static final class AlertingProcessor implements RecordProcessor, TransactionListener, AutoCloseable {

        private static final Logger log = LoggerFactory.getLogger(AlertingProcessor.class);

        private final Topics topics;
        private final Enricher enricher;
        private final RulesFile rules;
        private final AlertLedger ledger;
        private final Map<String, List<String>> pending = new LinkedHashMap<>();
        private long matchNanos;
        private long enrichNanos;

        /** @param enricher null to read enriched articles and write alerts only */
        AlertingProcessor(Topics topics, Enricher enricher, RulesFile rules, AlertLedger ledger) {
            this.topics = topics;
            this.enricher = enricher;
            this.rules = rules;
            this.ledger = ledger;
        }

        @Override
        public void beforeBatch() {
            pending.clear();
            rules.refresh();
            ledger.catchUp();
        }

        @Override
        public List<OutputRecord> process(InputRecord input) {
            long t0 = System.nanoTime();
            EnrichedArticle enriched = enricher == null ? JsonCodec.decodeEnriched(input.value()) : enrich(input, enricher);
            long t1 = System.nanoTime();
            List<RuleMatch> matches = rules.current().match(enriched);
            long t2 = System.nanoTime();
            enrichNanos += t1 - t0;
            matchNanos += t2 - t1;
            List<OutputRecord> out = new ArrayList<>(1 + matches.size());
            if (enricher != null) {
                out.add(output(input, enriched, topics.enriched()));
            }
            Article article = enriched.article();
            String hash = article.contentHash() == null ? "" : article.contentHash();
            Map<String, List<String>> raised = new LinkedHashMap<>();
            for (RuleMatch match : matches) {
                String key = RuleMatch.key(match.rule().id(), article.id());
                List<String> before = pending.containsKey(key) ? pending.get(key) : ledger.versions(key);
                if (before.contains(hash)) {
                    continue;
                }
                List<String> versions = AlertLedger.plus(before, hash);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put(Headers.URL, article.url());
                headers.put(AlertLedger.VERSIONS_HEADER, String.join(",", versions));
                out.add(new OutputRecord(topics.alerts(), key, JsonCodec.encode(match.toAlert(article)), headers,
                        ALERT_COUNTER_PREFIX + match.rule().id()));
                raised.put(key, versions);
            }
            pending.putAll(raised);
            return out;
        }

        @Override
        public void committed() {
            if (!pending.isEmpty()) {
                ledger.recordCommitted(pending);
                pending.clear();
            }
        }

        @Override
        public void aborted() {
            pending.clear();
        }

        /** Time in the enricher and in rule matching, since start (for logs and benchmarks). */
        String timings() {
            return String.format("enrich %.0f ms, rule matching %.0f ms", enrichNanos / 1e6, matchNanos / 1e6);
        }

        @Override
        public void close() {
            log.debug("enrich stage: {}", timings());
            ledger.close();
        }
    }
}
