package io.newsflow.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The server's own cost of the rows a store benchmark wrote: each table's rows, in the order they were written, are
 * {@code COPY}'d again into an empty copy of the table (its indexes and storage included), a batch of articles a
 * transaction, with nothing else running, and the server's CPU is counted. No writer can store those rows for less,
 * so the sum bounds the write rate any writer reaches on this machine.
 */
final class ServerFloor {

    /** One table's floor: the server's CPU to store its rows, per article. */
    record Cost(String table, String what, long rows, double msPerArticle) {}

    /** The tables the store writes for every article, each keyed by its article's id in its first column. */
    private static final List<String> TABLES = List.of("articles", "article_entities", "tags", "article_mentions");
    /** How often the articles' copy merges its search index's pending list, as {@code SearchIndexCleaner} does. */
    private static final int MERGE_EVERY_ARTICLES = 2_000;

    private ServerFloor() {
    }

    /**
     * Measures each table of {@link #TABLES}, and the articles once more without their search index, over the
     * {@code articles} stored articles, {@code batch} articles a transaction; {@code scratch} holds each table's rows
     * while it is measured.
     */
    static List<Cost> measure(DataSource pool, Path dataDir, Path scratch, int articles, int batch)
            throws SQLException, IOException {
        List<Cost> costs = new ArrayList<>();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = off");
            }
            for (String table : TABLES) {
                Path rows = scratch.resolve("floor-" + table + ".copy");
                try (OutputStream out = Files.newOutputStream(rows)) {
                    copyManager(c).copyOut("COPY " + table + " TO STDOUT", out);
                }
                costs.add(measureTable(c, dataDir, table, rows, articles, batch, true));
                if (table.equals("articles")) {
                    costs.add(measureTable(c, dataDir, table, rows, articles, batch, false));
                }
                Files.delete(rows);
            }
        }
        return costs;
    }

    private static Cost measureTable(Connection c, Path dataDir, String table, Path rows, int articles, int batch,
            boolean searchIndex) throws SQLException, IOException {
        String copy = "floor_" + table;
        String searchIndexName;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + copy);
            s.execute("CREATE TABLE " + copy + " (LIKE " + table + " INCLUDING ALL)");
            searchIndexName = ginIndex(s, copy);
            if (searchIndexName != null && !searchIndex) {
                s.execute("DROP INDEX " + searchIndexName);
                searchIndexName = null;
            }
        }
        CopyManager copier = copyManager(c);
        long count = 0;
        int inChunk = 0;
        int sinceMerge = 0;
        byte[] lastKey = null;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 20);
        JvmAndServerCpu before = JvmAndServerCpu.now(dataDir);
        try (Lines in = new Lines(Files.newInputStream(rows))) {
            byte[] line;
            while ((line = in.next()) != null) {
                byte[] key = firstField(line);
                if (!Arrays.equals(key, lastKey)) {
                    if (inChunk == batch) {
                        copyIn(copier, copy, chunk);
                        sinceMerge += inChunk;
                        inChunk = 0;
                        if (searchIndexName != null && sinceMerge >= MERGE_EVERY_ARTICLES) {
                            merge(c, searchIndexName);
                            sinceMerge = 0;
                        }
                    }
                    inChunk++;
                    lastKey = key;
                }
                chunk.write(line);
                chunk.write('\n');
                count++;
            }
        }
        copyIn(copier, copy, chunk);
        if (searchIndexName != null) {
            merge(c, searchIndexName);
        }
        double ms = JvmAndServerCpu.now(dataDir).minus(before).postgresNanos() / 1e6;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + copy);
        }
        String what = table.equals("articles") ? (searchIndex ? "with its search index" : "without its search index")
                : "";
        return new Cost(table, what, count, ms / articles);
    }

    private static String ginIndex(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = '" + table
                + "' AND indexdef LIKE '% USING gin %'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static void merge(Connection c, String index) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT gin_clean_pending_list('" + index + "'::regclass)");
        }
    }

    private static void copyIn(CopyManager copier, String table, ByteArrayOutputStream chunk)
            throws SQLException, IOException {
        if (chunk.size() == 0) {
            return;
        }
        byte[] bytes = chunk.toByteArray();
        chunk.reset();
        copier.copyIn("COPY " + table + " FROM STDIN", new java.io.ByteArrayInputStream(bytes));
    }

    private static CopyManager copyManager(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    /** The rows of COPY's text format: a newline ends each (a newline inside a value is written {@code \n}). */
    private static final class Lines implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;

        Lines(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return line == null ? null : line.toByteArray();
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(256, position - start));
                }
                line.write(buffer, start, position - start);
                if (position < limit) {
                    position++;
                    return line.toByteArray();
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static byte[] firstField(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\t') {
                return Arrays.copyOf(line, i);
            }
        }
        return line;
    }

    /** The floor's lines for the report, and what they bound. */
    static List<String> report(List<Cost> costs, double jvmMsPerArticle, int cores) {
        List<String> lines = new ArrayList<>();
        double total = 0;
        for (Cost cost : costs) {
            boolean counted = !cost.what().equals("without its search index");
            if (counted) {
                total += cost.msPerArticle();
            }
            lines.add(String.format("  %-17s %-25s %9d rows  %.3f ms an article%s", cost.table(), cost.what(),
                    cost.rows(), cost.msPerArticle(), counted ? "" : " (not in the sum)"));
        }
        lines.add(String.format("  server floor %.3f ms an article: the server alone at 100%% of %d cores stores at "
                + "most %.0f articles/s; with this run's JVM share (%.2f ms) at most %.0f/s", total, cores,
                cores * 1000 / total, jvmMsPerArticle, cores * 1000 / (total + jvmMsPerArticle)));
        return lines;
    }

    /** The heading of the report's lines. */
    static final String HEADING = "server floor (each table's rows COPY'd again, in written order, into an empty copy "
            + "of it with its indexes, a batch of articles a transaction, nothing else running):";
}
