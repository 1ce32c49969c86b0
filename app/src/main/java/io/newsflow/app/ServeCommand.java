package io.newsflow.app;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.newsflow.common.metrics.MetricsServer;
import io.newsflow.store.Migrations;
import io.newsflow.store.StoreQueries;
import io.newsflow.web.WebServer;

/** {@code newsflow serve}: the web page over the store's database, until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web page over the store's PostgreSQL: search, articles with their entities marked, "
                + "entities over time, live alerts, dead letters.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, as in a container).")
    String host;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:NEWSFLOW_METRICS_PORT:-0}",
            description = "Serve /metrics (Prometheus) and /health/live, /health/ready on this port, as the stages do; "
                    + "ready while the database answers (env NEWSFLOW_METRICS_PORT; default: off).")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        if (!database.configured()) {
            System.err.println("newsflow: not starting: serve needs the store's database: --jdbc-url URL (env NEWSFLOW_JDBC_URL)");
            return 2;
        }
        HikariDataSource pool = database.settings().pool("web", 8);
        MetricsServer metrics = null;
        if (metricsPort > 0) {
            try {
                metrics = MetricsServer.start(metricsPort, () -> databaseAnswers(pool));
            } catch (IOException e) {
                System.err.println("newsflow: not starting: cannot serve metrics on port " + metricsPort + ": " + e.getMessage());
                pool.close();
                return 2;
            }
        }
        prepareSchema(pool);
        WebServer web = WebServer.start(host, port, new StoreQueries(pool));
        System.out.println("Newsflow page at " + web.url() + " (store " + database.settings().jdbcUrl()
                + "); stop with Ctrl-C");
        if (metrics == null) {
            blockUntilStopped(web, pool);
        } else {
            blockUntilStopped(web, metrics, pool);
        }
        return 0;
    }

    /** The page can answer: a connection from its pool is valid within a second. */
    static boolean databaseAnswers(HikariDataSource pool) {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The page reads the store's tables; creating them here lets it start before the store stage has run. */
    static void prepareSchema(HikariDataSource pool) {
        try {
            Migrations.apply(pool);
        } catch (SQLException e) {
            System.err.println("newsflow: the database does not answer yet (" + e.getMessage()
                    + "); the page shows an error until it does");
        }
    }

    /**
     * Blocks until SIGINT or SIGTERM, then closes the resources in order and exits 0 (a signal would otherwise end the
     * JVM with 128+signal; a clean stop is a success).
     */
    static void blockUntilStopped(AutoCloseable... resources) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("newsflow: while stopping: " + e.getMessage());
                }
            }
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }, "newsflow-shutdown"));
        new CountDownLatch(1).await();
    }
}
