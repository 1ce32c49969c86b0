package io.newsflow.app;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() throws Exception {
        if (!database.configured()) {
            System.err.println("newsflow: not starting: serve needs the store's database: --jdbc-url URL (env NEWSFLOW_JDBC_URL)");
            return 2;
        }
        HikariDataSource pool = database.settings().pool("web", 8);
        prepareSchema(pool);
        WebServer web = WebServer.start(host, port, new StoreQueries(pool));
        System.out.println("Newsflow page at " + web.url() + " (store " + database.settings().jdbcUrl()
                + "); stop with Ctrl-C");
        blockUntilStopped(web, pool);
        return 0;
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
