package io.newsflow.app;

/** Logging for commands whose output is a report (the demo, benchmarks): only errors, so nothing interleaves with it. */
public final class ReportLogging {

    private ReportLogging() {
    }

    /** Call before the first logger is created: the simple logger reads these properties once. */
    public static void quiet() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.newsflow", "warn");
        // The embedded broker's shutdown warns through the client's NetworkClient.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
    }
}
