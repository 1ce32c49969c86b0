package io.newsflow.app;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Option;

import io.newsflow.store.EmbeddedDatabase;
import io.newsflow.store.StoreSettings;

/** The PostgreSQL options of the commands that use the store: a JDBC URL and credentials, or the embedded server. */
public final class DatabaseOptions {

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:NEWSFLOW_JDBC_URL}",
            description = "The store's PostgreSQL, e.g. jdbc:postgresql://db:5432/newsflow (env NEWSFLOW_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:NEWSFLOW_DB_USER}",
            description = "Database user (env NEWSFLOW_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:NEWSFLOW_DB_PASSWORD}",
            description = "Database password (env NEWSFLOW_DB_PASSWORD; prefer the variable to the option).")
    String password;

    @Option(names = "--db-data-dir", paramLabel = "DIR", defaultValue = "data/postgres",
            description = "Data directory of the embedded PostgreSQL (with --embedded), kept across runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--embedded-db-port", defaultValue = "5432",
            description = "Port of the embedded PostgreSQL (with --embedded; default: ${DEFAULT-VALUE}).")
    int embeddedPort;

    boolean configured() {
        return jdbcUrl != null && !jdbcUrl.isBlank();
    }

    StoreSettings settings() {
        return new StoreSettings(jdbcUrl.strip(), blankToNull(user), blankToNull(password));
    }

    /** The database to use: the embedded server on {@code dataDir} when {@code embedded} (and no URL is given). */
    Database open(boolean embedded, String poolName) {
        if (configured()) {
            return new Database(null, settings().pool(poolName, 8), settings().jdbcUrl());
        }
        if (!embedded) {
            return null;
        }
        return Database.embedded(dataDir, embeddedPort, poolName);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A connection pool, and the embedded server behind it when this process runs one; closing stops both. */
    record Database(EmbeddedDatabase server, HikariDataSource pool, String jdbcUrl) implements AutoCloseable {

        static Database embedded(Path dataDir, int port, String poolName) {
            EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, port);
            return new Database(server, server.settings().pool(poolName, 8), server.settings().jdbcUrl());
        }

        @Override
        public void close() {
            pool.close();
            if (server != null) {
                server.close();
            }
        }
    }
}
