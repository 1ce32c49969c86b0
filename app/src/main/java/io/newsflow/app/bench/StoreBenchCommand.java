package io.newsflow.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.app.ReportLogging;
import io.newsflow.app.ScratchDir;
import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.RawPage;
import io.newsflow.enrich.Enricher;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.NotAnArticleException;
import io.newsflow.ingest.PageFiles;
import io.newsflow.store.EmbeddedDatabase;
import io.newsflow.store.Migrations;
import io.newsflow.store.SearchIndexCleaner;
import io.newsflow.store.StoreQueries;
import io.newsflow.store.StoreRecords;
import io.newsflow.store.StoreRow;
import io.newsflow.store.StoreWriter;

/**
 * {@code newsflow bench store}: articles/s into PostgreSQL through the store's own transactions, then search latency
 * over what it stored. The articles are the benchmark pages run once through the real extractor and enricher, copied
 * under distinct URLs.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Measure the store on an embedded PostgreSQL: articles/s written in the store stage's batch "
                + "transactions, and p50/p95 search latency (a word query and an entity query, as the page runs them) "
                + "over --articles stored copies of the given pages (default: ../shared/bench/extraction*/pages).")
public final class StoreBenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Pages or directories (.html, .html.gz).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--articles", defaultValue = "100000", description = "Articles to store (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--batch", defaultValue = "500", description = "Articles per transaction, as a poll batch of the stage (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--queries", defaultValue = "200", description = "Timed queries of each kind (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--writers", defaultValue = "1", description = "Store instances writing at once, each its own "
            + "partition and connection (default: ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--no-cleaner", description = "Leave the search index's pending list to the writers (PostgreSQL's "
            + "own way) instead of the store's SearchIndexCleaner, to compare the two.")
    boolean noCleaner;

    @Option(names = "--statements", description = "Load pg_stat_statements and print the server's time, rows and "
            + "WAL per article for the write's statements (where a write's time goes).")
    boolean statements;

    @Option(names = "--server-floor", description = "After the write, COPY each table's rows again into an empty "
            + "copy of it, with nothing else running, and print the server's CPU per article: what no writer can "
            + "store the same rows for less than, so the most articles/s this machine can reach.")
    boolean serverFloor;

    @Option(names = "--data-dir", description = "Keep the benchmark's database in DIR (a new, empty directory) to "
            + "inspect it afterwards; default: a scratch directory, deleted at the end.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        ReportLogging.quiet();
        List<Path> roots = paths.isEmpty() ? defaultPages() : paths;
        if (roots.isEmpty()) {
            System.err.println("no pages: give PATH... or put the benchmark data in ../shared/bench");
            return 2;
        }
        List<EnrichedArticle> distinct = enrich(roots);
        System.out.printf("%d distinct articles from %s%n", distinct.size(), roots);
        try (ScratchDir work = ScratchDir.create("newsflow-bench-store-");
             EmbeddedDatabase database = EmbeddedDatabase.start(dataDir != null ? dataDir : work.resolve("postgres"), 0,
                     statements ? Map.of("shared_preload_libraries", "pg_stat_statements") : Map.of());
             HikariDataSource pool = database.settings().pool("bench", writers + 2)) {
            Migrations.apply(pool);
            printServerSettings(pool);
            if (statements) {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    s.execute("SELECT pg_stat_statements_reset()");
                }
            }
            double jvmMsPerArticle = write(pool, database, distinct);
            if (statements) {
                printStatements(pool);
            }
            if (serverFloor) {
                System.out.println(ServerFloor.HEADING);
                ServerFloor.report(ServerFloor.measure(pool, database.dataDir(), work.resolve(""), articles, batch),
                        jvmMsPerArticle, Runtime.getRuntime().availableProcessors()).forEach(System.out::println);
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            search(new StoreQueries(pool), distinct);
        }
        return 0;
    }

    private static List<Path> defaultPages() {
        Path shared = Path.of(System.getProperty("newsflow.shared", "../shared"), "bench");
        List<Path> roots = new ArrayList<>();
        for (String set : List.of("extraction", "extraction-multi")) {
            if (Files.isDirectory(shared.resolve(set).resolve("pages"))) {
                roots.add(shared.resolve(set).resolve("pages"));
            }
        }
        return roots;
    }

    private static List<EnrichedArticle> enrich(List<Path> roots) throws Exception {
        PageFiles reader = new PageFiles("http://localhost/pages/", 64 * 1024 * 1024);
        Extractor extractor = new Extractor();
        Enricher enricher = new Enricher();
        List<EnrichedArticle> out = new ArrayList<>();
        for (Path file : PageFiles.find(roots)) {
            RawPage page = reader.read(file, null);
            try {
                out.add(enricher.enrich(extractor.extract(page.content(), page.url(), page.contentType())));
            } catch (NotAnArticleException e) {
                // Not an article: the stage would dead-letter it; nothing to store.
            }
        }
        return out;
    }

    /** Writes the copies as the store stage does and prints the rate; returns the JVM's CPU ms an article. */
    private double write(HikariDataSource pool, EmbeddedDatabase database, List<EnrichedArticle> distinct)
            throws Exception {
        // The copies' JSON stands for the records polls return: made before the clock starts, parsed inside it.
        List<byte[]> values = new ArrayList<>(articles);
        long mentions = 0;
        for (int i = 0; i < articles; i++) {
            EnrichedArticle copy = copy(distinct.get(i % distinct.size()), i);
            mentions += copy.entities().stream().mapToLong(e -> e.mentions().size()).sum();
            values.add(JsonCodec.encode(copy));
        }
        // Each writer is one store instance with a partition of its own: batch k goes to writer k % writers.
        ExecutorService instances = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        JvmAndServerCpu cpuBefore = JvmAndServerCpu.now(database.dataDir());
        long start = System.nanoTime();
        // One cleaner for the database, as each store stage has one for its writes.
        try (SearchIndexCleaner cleaner = new SearchIndexCleaner(pool)) {
            for (int w = 0; w < writers; w++) {
                int instance = w;
                running.add(instances.submit(() -> {
                    writeBatches(pool, values, instance, cleaner);
                    return null;
                }));
            }
            try {
                for (Future<?> writer : running) {
                    writer.get();
                }
            } finally {
                instances.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        JvmAndServerCpu cpu = JvmAndServerCpu.now(database.dataDir()).minus(cpuBefore);
        System.out.printf("store: %d articles (%d mentions) in %.1f s: %.0f articles/s into PostgreSQL (parse and "
                + "transactions), batches of %d, %d writer%s%n", articles, mentions, seconds, articles / seconds, batch,
                writers, writers == 1 ? "" : "s (one partition each)");
        System.out.printf("cpu during the write: JVM %.2f ms an article, PostgreSQL %.2f ms an article (its processes: "
                        + "backends, WAL writer, checkpointer, autovacuum), %.0f%% of %d cores%n",
                cpu.jvmNanos() / 1e6 / articles, cpu.postgresNanos() / 1e6 / articles,
                100.0 * (cpu.jvmNanos() + cpu.postgresNanos()) / 1e9 / seconds / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        return cpu.jvmNanos() / 1e6 / articles;
    }

    /** The server settings that decide a write's cost and durability, as the bench's server runs them. */
    private static void printServerSettings(HikariDataSource pool) throws Exception {
        List<String> shown = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT name, setting, coalesce(unit, '') FROM pg_settings WHERE name IN "
                     + "('fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers', "
                     + "'max_wal_size', 'checkpoint_timeout', 'wal_compression', 'work_mem') ORDER BY name")) {
            while (r.next()) {
                shown.add(r.getString(1) + "=" + r.getString(2) + r.getString(3));
            }
        }
        System.out.println("server: " + String.join(", ", shown) + " (the store's commits: synchronous_commit=off)");
    }

    /** Per statement of the write: the server's time, rows and WAL per article, most time first. */
    private void printStatements(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT calls, total_exec_time, rows, wal_bytes, wal_fpi, "
                     + "left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_statements "
                     + "ORDER BY total_exec_time DESC LIMIT 12")) {
            double total = 0;
            while (r.next()) {
                total += r.getDouble(2);
                System.out.printf("  %8.3f ms/article %7.1f rows/article %8.0f WAL bytes/article %6d fpi %8d calls  %s%n",
                        r.getDouble(2) / articles, r.getDouble(3) / articles, r.getDouble(4) / articles, r.getLong(5),
                        r.getLong(1), r.getString(6));
            }
            System.out.printf("statements: %.3f ms an article on the server in the 12 above%n", total / articles);
        }
    }

    private void writeBatches(HikariDataSource pool, List<byte[]> values, int instance, SearchIndexCleaner cleaner)
            throws Exception {
        StoreWriter writer = new StoreWriter();
        TopicPartition partition = new TopicPartition("bench.news.enriched", instance);
        long offset = 0;
        try (Connection c = pool.getConnection()) {
            StoreWriter.storedOffsets(c, List.of(partition));
            for (int from = instance * batch; from < values.size(); from += writers * batch) {
                int to = Math.min(values.size(), from + batch);
                List<StoreRow> rows = new ArrayList<>(to - from);
                for (byte[] value : values.subList(from, to)) {
                    rows.add(StoreRecords.article(value));
                }
                long next = offset + rows.size();
                StoreWriter.Written written = writer.write(c,
                        new StoreWriter.Batch(Map.of(partition, new StoreWriter.OffsetMove(offset, next)), rows));
                if (!noCleaner) {
                    cleaner.committed(written.articles());
                }
                offset = next;
            }
        }
    }

    /** Article {@code i}: a copy of {@code base} under a URL of its own. */
    static EnrichedArticle copy(EnrichedArticle base, int i) {
        Article a = base.article();
        String url = a.url() + (a.url().contains("?") ? "&" : "?") + "copy=" + i;
        Article copy = new Article(url, url, a.canonicalUrl(), a.title(), a.description(), a.authors(), a.published(),
                a.modified(), a.siteName(), a.section(), a.publisherTags(), a.language(), a.text(), a.leadImage(),
                a.wordCount(), a.contentHash(), a.fetchedAt());
        return new EnrichedArticle(copy, base.language(), base.entities(), base.tags(), null);
    }

    private void search(StoreQueries store, List<EnrichedArticle> distinct) throws Exception {
        Random random = new Random(42);
        Set<String> words = new LinkedHashSet<>();
        List<Entity> entities = new ArrayList<>();
        for (EnrichedArticle a : distinct) {
            Arrays.stream(String.valueOf(a.article().title()).split("[^\\p{L}]+")).filter(w -> w.length() > 4).forEach(words::add);
            entities.addAll(a.entities());
        }
        List<String> wordList = new ArrayList<>(words);
        time("word", queries, () -> store.search(StoreQueries.Search.words(wordList.get(random.nextInt(wordList.size())))));
        time("entity", queries, () -> {
            Entity e = entities.get(random.nextInt(entities.size()));
            return store.search(new StoreQueries.Search(null, e.name(), e.type().name(), null, null, null, null, null, 0, 20));
        });
    }

    /** A search as the page runs it; returns how many hits. */
    private interface Query {
        List<StoreQueries.Hit> run() throws Exception;
    }

    private static void time(String kind, int count, Query query) throws Exception {
        for (int i = 0; i < 20; i++) {
            query.run();
        }
        long[] nanos = new long[count];
        long hits = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            hits += query.run().size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("search (%s query, first page of 20 with snippets and entities): p50 %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms over %d queries (%.1f hits each)%n", kind, nanos[count / 2] / 1e6,
                nanos[(int) (count * 0.95)] / 1e6, nanos[count - 1] / 1e6, count, (double) hits / count);
    }
}
