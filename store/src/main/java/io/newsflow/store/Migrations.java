package io.newsflow.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The store's schema as numbered SQL files, applied in order, each once, and recorded in {@code schema_migrations}.
 *
 * <p>A new schema change is a new file {@code V<n>__what.sql} added to {@link #FILES}; applied files are never edited.
 * Each file runs in one transaction under an advisory lock, so store instances starting together apply it once.
 */
public final class Migrations {

    /** The migration files under {@code io/newsflow/store/migrations/}, in the order they apply. */
    static final List<String> FILES = List.of("V1__schema.sql", "V2__cheaper_writes.sql",
            "V3__search_vectors_from_the_writer.sql", "V4__search_index_pending_list.sql",
            "V5__mentions_as_arrays.sql", "V6__body_stored_once.sql");

    /** Any constant shared by every Newsflow store: the advisory lock the migrations take. */
    private static final long LOCK = 0x6e657773666c6f77L;

    private Migrations() {
    }

    /** Applies the files not applied yet; returns how many it applied. */
    public static int apply(DataSource dataSource) throws SQLException {
        return apply(dataSource, FILES);
    }

    /** Applies those of {@code files} (a prefix of {@link #FILES}: an older store's schema) not applied yet. */
    static int apply(DataSource dataSource, List<String> files) throws SQLException {
        int applied = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                        + "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
                Set<Integer> done = new HashSet<>();
                try (ResultSet rows = statement.executeQuery("SELECT version FROM schema_migrations")) {
                    while (rows.next()) {
                        done.add(rows.getInt(1));
                    }
                }
                for (String file : files) {
                    int version = version(file);
                    if (done.contains(version)) {
                        continue;
                    }
                    statement.execute(read(file));
                    try (PreparedStatement record = connection.prepareStatement(
                            "INSERT INTO schema_migrations (version, name) VALUES (?, ?)")) {
                        record.setInt(1, version);
                        record.setString(2, file);
                        record.executeUpdate();
                    }
                    applied++;
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return applied;
    }

    static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
