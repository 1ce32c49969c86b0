package io.newsflow.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.RawPage;
import io.newsflow.common.model.Tag;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.Condition;
import io.newsflow.enrich.alerts.Rule;
import io.newsflow.enrich.alerts.RuleSet;
import io.newsflow.enrich.alerts.RulesParser;
import io.newsflow.enrich.alerts.Words;
import io.newsflow.extract.Extractor;
import io.newsflow.ingest.PageFiles;

/**
 * {@code newsflow bench alerts PAGES...}: the cost of rule matching against the cost of enrichment, on real pages.
 * Pages are extracted once (untimed); then each article is enriched and matched against the rules, timing both,
 * after a warm-up pass. Without {@code --rules-file}, {@code --rules} rules are generated (seeded) from the
 * articles' own entities, words, phrases, tags, sections and sites, mixed with {@code all} / {@code any} / {@code not},
 * so they fire far more often than real watch lists do (a pessimistic case for matching).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Rule matching time vs enrichment time per article, with N generated rules (or a rules file).")
public final class AlertsBenchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PAGES", description = "Page files or directories (.html, .htm, .gz), "
            + "e.g. ../shared/bench/extraction-multi/pages.")
    List<Path> pages;

    @Option(names = "--rules", defaultValue = "1000", description = "Rules to generate (default: ${DEFAULT-VALUE}).")
    int ruleCount;

    @Option(names = "--rules-file", description = "Use this rules file instead of generated rules.")
    Path rulesFile;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed passes over the articles (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed passes first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--max-word-share", defaultValue = "1.0", description = "Draw word terms only from words found "
            + "in at most this share of the articles, e.g. 0.02 for distinctive words (default: ${DEFAULT-VALUE}: any).")
    double maxWordShare;

    @Option(names = "--held-out", description = "Generate the rules from half of the articles and time the other half "
            + "(a watch list applied to news it was not made from).")
    boolean heldOut;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the rule generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        List<Article> articles = extract(PageFiles.find(pages));
        if (articles.isEmpty()) {
            System.err.println("no articles in " + pages);
            return 1;
        }
        Enricher enricher = new Enricher();
        List<EnrichedArticle> enriched = new ArrayList<>();
        for (Article article : articles) {
            enriched.add(enricher.enrich(article));
        }
        long buildStart = System.nanoTime();
        List<EnrichedArticle> source = enriched;
        if (heldOut) {
            List<EnrichedArticle> even = new ArrayList<>();
            List<Article> odd = new ArrayList<>();
            for (int i = 0; i < enriched.size(); i++) {
                if (i % 2 == 0) {
                    even.add(enriched.get(i));
                } else {
                    odd.add(articles.get(i));
                }
            }
            source = even;
            articles = odd;
        }
        RuleSet rules = rulesFile != null ? RulesParser.parse(rulesFile)
                : new RuleSet(generate(source, ruleCount, seed, maxWordShare));
        double buildMs = (System.nanoTime() - buildStart) / 1e6;
        for (int round = 0; round < warmup; round++) {
            for (Article article : articles) {
                rules.match(enricher.enrich(article));
            }
            for (int i = 0; i < 5; i++) {
                enriched.forEach(rules::match);
            }
        }
        long[] phases = new long[4];
        List<byte[]> inputs = articles.stream().map(JsonCodec::encode).toList();
        long enrichNanos = 0;
        long codecNanos = 0;
        long matchNanos = 0;
        long alerts = 0;
        long candidates = 0;
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (byte[] input : inputs) {
                // What the stage does per record: decode, enrich, encode; and the rules.
                long t0 = System.nanoTime();
                Article article = JsonCodec.decodeArticle(input);
                long t1 = System.nanoTime();
                EnrichedArticle e = enricher.enrich(article);
                long t2 = System.nanoTime();
                byte[] output = JsonCodec.encode(e);
                long t3 = System.nanoTime();
                alerts += rules.match(e, phases).size();
                long t4 = System.nanoTime();
                codecNanos += (t1 - t0) + (t3 - t2);
                enrichNanos += t2 - t1;
                matchNanos += t4 - t3;
                n += output.length > 0 ? 1 : 0;
            }
        }
        for (Article article : articles) {
            candidates += rules.candidateCount(enricher.enrich(article));
        }
        double enrichMs = enrichNanos / 1e6 / n;
        double matchMs = matchNanos / 1e6 / n;
        double codecMs = codecNanos / 1e6 / n;
        System.out.printf("articles: %d (%d timed runs), rules: %s, built in %.0f ms%n", articles.size(), n, rules, buildMs);
        System.out.printf("enrich:   %.3f ms/article (+ %.3f ms JSON decode and encode in the stage)%n", enrichMs, codecMs);
        System.out.printf("matching: %.3f ms/article (%.1f candidate rules, %.2f alerts per article)%n", matchMs,
                (double) candidates / articles.size(), (double) alerts / n);
        System.out.printf("  of which: entities/tags %.3f, words + candidate lookup %.3f, evaluation %.3f, "
                + "building alerts %.3f ms/article%n", phases[0] / 1e6 / n, phases[1] / 1e6 / n, phases[2] / 1e6 / n,
                phases[3] / 1e6 / n);
        System.out.printf("matching cost: %.2f%% of the stage's transform (decode + enrich + encode), %.2f%% of enrich "
                + "alone%n", 100.0 * matchMs / (enrichMs + codecMs), 100.0 * matchMs / enrichMs);
        return 0;
    }

    private static List<Article> extract(List<Path> files) {
        PageFiles reader = new PageFiles("http://localhost/pages/", 64 * 1024 * 1024);
        Extractor extractor = new Extractor();
        List<Article> out = new ArrayList<>();
        for (Path file : files) {
            try {
                RawPage page = reader.read(file, null);
                out.add(extractor.extract(page.content(), page.url(), page.contentType()));
            } catch (Exception e) {
                // Not an article (front pages, login walls): skipped.
            }
        }
        return out;
    }

    /** Rules drawn from the articles' own terms, so that a share of them fires. */
    static List<Rule> generate(List<EnrichedArticle> articles, int count, long seed) {
        return generate(articles, count, seed, 1.0);
    }

    /**
     * @param maxDocumentShare word and phrase terms are drawn only from words found in at most this share of the
     *                         articles (1.0: any word; watch lists name distinctive words, not «которые»)
     */
    static List<Rule> generate(List<EnrichedArticle> articles, int count, long seed, double maxDocumentShare) {
        Random random = new Random(seed);
        java.util.Map<String, Integer> documentFrequency = new java.util.HashMap<>();
        for (EnrichedArticle e : articles) {
            Words.of(e.article().text()).stream().map(Words.Word::norm).distinct()
                    .forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
        int maxDocuments = Math.max(1, (int) Math.floor(maxDocumentShare * articles.size()));
        List<Entity> entities = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        Set<String> sections = new LinkedHashSet<>();
        Set<String> sites = new LinkedHashSet<>();
        for (EnrichedArticle e : articles) {
            entities.addAll(e.entities());
            String text = e.article().text();
            List<Words.Word> ws = Words.of(text);
            for (int i = 0; i < ws.size(); i += 7) {
                if (ws.get(i).norm().length() >= 5 && documentFrequency.getOrDefault(ws.get(i).norm(), 0) <= maxDocuments) {
                    words.add(ws.get(i).text(text));
                    if (i + 1 < ws.size()) {
                        phrases.add(ws.get(i).text(text) + " " + ws.get(i + 1).text(text));
                    }
                }
            }
            e.tags().stream().map(Tag::name).forEach(tags::add);
            if (e.article().section() != null) {
                sections.add(e.article().section());
            }
            String id = e.article().id();
            if (id != null && id.contains("://")) {
                String host = id.replaceFirst("^[a-z]+://", "").replaceFirst("[/:?#].*", "");
                if (!host.isEmpty()) {
                    sites.add(host);
                }
            }
        }
        if (entities.isEmpty()) {
            entities.add(new Entity(EntityType.PER, "Сергей Лавров", List.of()));
        }
        if (words.isEmpty()) {
            words.add("переговоры");
            phrases.add("экономические санкции");
        }
        List<String> tagList = tags.isEmpty() ? List.of("politics") : List.copyOf(tags);
        List<String> sectionList = sections.isEmpty() ? List.of("Политика") : List.copyOf(sections);
        List<String> siteList = sites.isEmpty() ? List.of("rbc.ru") : List.copyOf(sites);
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Condition entity = entityTerm(entities.get(random.nextInt(entities.size())), random);
            Condition other = entityTerm(entities.get(random.nextInt(entities.size())), random);
            Condition word = new Condition.TextTerm(words.get(random.nextInt(words.size())), false, 1);
            Condition word2 = new Condition.TextTerm(words.get(random.nextInt(words.size())), false, 1);
            Condition phrase = new Condition.TextTerm(phrases.get(random.nextInt(phrases.size())), true, 1);
            Condition when = switch (random.nextInt(10)) {
                case 0, 1, 2 -> entity;
                case 3 -> word;
                case 4 -> new Condition.All(List.of(entity, other));
                case 5 -> new Condition.All(List.of(word, new Condition.Not(word2)));
                case 6 -> phrase;
                case 7 -> new Condition.All(List.of(new Condition.LanguageTerm(random.nextBoolean() ? "ru" : "en"),
                        new Condition.Any(List.of(word, word2, entity))));
                case 8 -> new Condition.Any(List.of(new Condition.TagTerm(tagList.get(random.nextInt(tagList.size()))),
                        new Condition.All(List.of(new Condition.SectionTerm(sectionList.get(random.nextInt(sectionList.size()))),
                                word))));
                default -> new Condition.All(List.of(new Condition.SiteTerm(siteList.get(random.nextInt(siteList.size()))),
                        entity, new Condition.Not(other)));
            };
            rules.add(new Rule("bench-" + i, null, when, i + 1));
        }
        return rules;
    }

    private static Condition entityTerm(Entity entity, Random random) {
        String name = entity.name();
        if (entity.type() == EntityType.PER && random.nextBoolean()) {
            String[] parts = name.split("\\s+");
            name = parts[parts.length - 1];
        }
        return new Condition.EntityTerm(name, random.nextInt(3) == 0 ? entity.type() : null, 1);
    }
}
