package io.newsflow.enrich.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.common.codec.InvalidRecordException;
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
import io.newsflow.enrich.duplicates.FingerprintRecord;
import io.newsflow.enrich.duplicates.NearDuplicates;

/**
 * The enrich stage: {@code news.articles} in, {@code news.enriched} out; unreadable articles dead-lettered.
 *
 * <p>With a rules file it also writes {@code news.alerts} in the same transaction: one alert per rule that holds,
 * keyed {@code ruleId + " " + articleId}, unless the alert ledger already holds that key for the same article
 * version (content hash; see {@link AlertLedger}). The rules file is reloaded at batch boundaries when it changed.
 *
 * <p>With {@link NearDuplicates} it sets {@code duplicateOf} (the earliest-fetched near duplicate of the article's
 * text) and writes the fingerprint of each article not indexed yet to {@code news.fingerprints}, in the same
 * transaction. The {@link io.newsflow.enrich.Enricher} stays a pure function of the article: the lookup depends on
 * what was seen before, so it is stage wiring.
 */
public final class EnrichStage {

    public static final String NAME = "enrich";
    /** The name of the alerts-only stage, {@link #alertsSpec}. */
    public static final String ALERTS_NAME = "alerts";
    /** Stage counters of alerts are named {@code alerts.<ruleId>}. */
    public static final String ALERT_COUNTER_PREFIX = "alerts.";
    /**
     * Articles over this size are dead-lettered unread. The extract stage writes at most about 8.4 MB (the text of
     * an 8 MiB page); a larger value comes from another producer, and decoding and re-encoding it would not fit the
     * stage's 256 MB heap.
     */
    public static final int MAX_ARTICLE_BYTES = 12 * 1024 * 1024;

    private EnrichStage() {
    }

    /** The stage without alerts and without near-duplicate detection ({@code duplicateOf} always null). */
    public static StageSpec spec(Topics topics, Enricher enricher) {
        return spec(topics, enricher, null, null, null);
    }

    /** The stage with alerting: rules from the file (kept up to date), dedup through the ledger. */
    public static StageSpec spec(Topics topics, Enricher enricher, RulesFile rules, AlertLedger ledger) {
        return spec(topics, enricher, rules, ledger, null);
    }

    /**
     * The stage, with what is given: alerts when {@code rules} is not null (deduplicated through {@code ledger}),
     * {@code duplicateOf} when {@code duplicates} is not null. With {@code writeFingerprints} the fingerprints of
     * articles not indexed yet go to {@code news.fingerprints} in the batch's transaction; without it (a replay into
     * versioned topics) the live fingerprints are only read, and new ones are kept in memory.
     */
    public static StageSpec spec(Topics topics, Enricher enricher, RulesFile rules, AlertLedger ledger,
                                 NearDuplicates duplicates, boolean writeFingerprints) {
        List<String> outputs = new ArrayList<>(List.of(topics.enriched()));
        if (rules != null) {
            outputs.add(topics.alerts());
        }
        boolean write = duplicates != null && writeFingerprints;
        if (write) {
            outputs.add(topics.fingerprints());
        }
        return new StageSpec(NAME, topics.articles(), outputs,
                new EnrichProcessor(topics, enricher, rules, rules == null ? null : ledger, duplicates, write));
    }

    /** {@link #spec(Topics, Enricher, RulesFile, AlertLedger, NearDuplicates, boolean)}, writing fingerprints. */
    public static StageSpec spec(Topics topics, Enricher enricher, RulesFile rules, AlertLedger ledger,
                                 NearDuplicates duplicates) {
        return spec(topics, enricher, rules, ledger, duplicates, true);
    }

    /**
     * Alerts alone, from the enriched articles of {@code news.enriched}: for replaying the rules (after a rules
     * change, say) without enriching again. Deduplicates through the same ledger as the enrich stage.
     */
    public static StageSpec alertsSpec(Topics topics, RulesFile rules, AlertLedger ledger) {
        return new StageSpec(ALERTS_NAME, topics.enriched(), List.of(topics.alerts()),
                new EnrichProcessor(topics, null, rules, ledger, null, false));
    }

    private static EnrichedArticle enrich(InputRecord input, Enricher enricher) {
        if (input.value() != null && input.value().length > MAX_ARTICLE_BYTES) {
            throw new InvalidRecordException("TOO_LARGE: the article is " + input.value().length
                    + " bytes, over the limit of " + MAX_ARTICLE_BYTES);
        }
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
        headers.put(Headers.FETCHED_AT, article.fetchedAt());
        headers.put(Headers.SOURCE, input.header(Headers.SOURCE));
        return new OutputRecord(outputTopic, article.id(), JsonCodec.encode(enriched), headers);
    }

    /**
     * Enrichment, near duplicates and alerts: one processor for every combination, with the transaction hooks of
     * the stateful parts. Alerts raised and fingerprints indexed in the open transaction are pending: they go to
     * the ledger and the index when the transaction commits and are dropped when it aborts (the batch is then
     * processed again).
     */
    static final class EnrichProcessor implements RecordProcessor, TransactionListener, AutoCloseable {

        private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);

        private final Topics topics;
        private final Enricher enricher;
        private final RulesFile rules;
        private final AlertLedger ledger;
        private final NearDuplicates duplicates;
        private final boolean writeFingerprints;
        private final Map<String, List<String>> pending = new LinkedHashMap<>();
        private long matchNanos;
        private long enrichNanos;
        private long duplicateNanos;

        /**
         * @param enricher   null to read enriched articles and write alerts only
         * @param rules      null for no alerts
         * @param duplicates null to leave {@code duplicateOf} null
         */
        EnrichProcessor(Topics topics, Enricher enricher, RulesFile rules, AlertLedger ledger,
                        NearDuplicates duplicates, boolean writeFingerprints) {
            this.topics = topics;
            this.enricher = enricher;
            this.rules = rules;
            this.ledger = ledger;
            this.duplicates = duplicates;
            this.writeFingerprints = writeFingerprints;
        }

        @Override
        public void beforeBatch() {
            pending.clear();
            if (rules != null) {
                rules.refresh();
                ledger.catchUp();
            }
            if (duplicates != null) {
                duplicates.beforeBatch();
            }
        }

        @Override
        public List<OutputRecord> process(InputRecord input) {
            long t0 = System.nanoTime();
            EnrichedArticle enriched = enricher == null ? JsonCodec.decodeEnriched(input.value()) : enrich(input, enricher);
            long t1 = System.nanoTime();
            NearDuplicates.Result duplicate = null;
            if (duplicates != null) {
                Article article = enriched.article();
                duplicate = duplicates.check(article.id(),
                        FingerprintRecord.fetchTime(article.fetchedAt()), Enricher.analysedText(article.text()));
                enriched = new EnrichedArticle(article, enriched.language(), enriched.entities(), enriched.tags(),
                        duplicate.duplicateOf());
            }
            long t2 = System.nanoTime();
            List<RuleMatch> matches = rules == null ? List.of() : rules.current().match(enriched);
            long t3 = System.nanoTime();
            enrichNanos += t1 - t0;
            duplicateNanos += t2 - t1;
            matchNanos += t3 - t2;
            List<OutputRecord> out = new ArrayList<>(2 + matches.size());
            Article article = enriched.article();
            if (enricher != null) {
                out.add(output(input, enriched, topics.enriched()));
            }
            if (writeFingerprints && duplicate != null && duplicate.newFingerprint() != null) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put(Headers.URL, article.url());
                out.add(new OutputRecord(topics.fingerprints(), article.id(), duplicate.newFingerprint().encode(), headers));
            }
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
                headers.put(Headers.FETCHED_AT, article.fetchedAt());
                headers.put(AlertLedger.VERSIONS_HEADER, String.join(",", versions));
                out.add(new OutputRecord(topics.alerts(), key, JsonCodec.encode(match.toAlert(enriched)), headers,
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
            if (duplicates != null) {
                duplicates.committed();
            }
        }

        @Override
        public void aborted() {
            pending.clear();
            if (duplicates != null) {
                duplicates.aborted();
            }
        }

        /** Time in the enricher, the duplicate lookup and rule matching, since start (for logs and benchmarks). */
        String timings() {
            return String.format("enrich %.0f ms, near duplicates %.0f ms, rule matching %.0f ms", enrichNanos / 1e6,
                    duplicateNanos / 1e6, matchNanos / 1e6);
        }

        @Override
        public void close() {
            log.debug("enrich stage: {}", timings());
            if (ledger != null) {
                ledger.close();
            }
            if (duplicates != null) {
                duplicates.close();
            }
        }
    }
}
