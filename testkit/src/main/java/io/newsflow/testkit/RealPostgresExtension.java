package io.newsflow.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts the shared PostgreSQL on first use, creates a database per parameter, stops it when the JVM's run ends. */
public final class RealPostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealPostgresExtension.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("postgres", key -> start(), Running.class);
        String name = "test_" + SEQUENCE.incrementAndGet() + "_" + System.currentTimeMillis() % 100_000;
        String admin = "jdbc:postgresql://localhost:" + server.postgres().getPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return new TestDatabase("jdbc:postgresql://localhost:" + server.postgres().getPort() + "/" + name, "postgres", name);
    }

    private static Running start() {
        try {
            return new Running(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL", e);
        }
    }

    /** The server, closed by JUnit when the root context closes. */
    private record Running(EmbeddedPostgres postgres) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
