package io.newsflow.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run from this JVM (the real server binaries, unpacked from the classpath), for the demo,
 * {@code run --embedded} and the tests. Its data directory survives restarts: a second start on the same directory
 * finds the tables and offsets the first one left.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts the server on {@code dataDir} (created with a new cluster when empty); port 0 takes any free one. */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        return start(dataDir, port, java.util.Map.of());
    }

    /** As {@link #start(Path, int)}, with further server settings (e.g. {@code shared_preload_libraries}). */
    public static EmbeddedDatabase start(Path dataDir, int port, java.util.Map<String, String> serverSettings) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toAbsolutePath().toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    // The store's indexes take random inserts (article ids are URLs): past 128 MB of buffers each
                    // one reads a page back, and after every checkpoint its first change writes the whole page to
                    // the WAL. More buffers and rarer checkpoints (docs/store.md "Numbers").
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            serverSettings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL on " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The {@code postgres} database as the {@code postgres} superuser (the embedded server trusts local connections). */
    public StoreSettings settings() {
        return new StoreSettings("jdbc:postgresql://localhost:" + port() + "/postgres", "postgres", null);
    }

    /** Stops the server (a fast shutdown: open transactions roll back, committed ones are on disk). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
