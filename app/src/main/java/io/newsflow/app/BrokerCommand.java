package io.newsflow.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.newsflow.broker.EmbeddedKafka;

/**
 * {@code newsflow broker}: the embedded single-node Kafka broker alone, until SIGTERM/SIGINT, so that stages,
 * ingest and tail can run in processes of their own against a local broker.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run the embedded single-node Kafka broker (KRaft) until stopped (SIGTERM/SIGINT), for the "
                + "other commands to use with -b localhost:PORT. Its data survives restarts."})
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "data/kafka", paramLabel = "DIR",
            description = "Log directory, kept across runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "9092", paramLabel = "N",
            description = "Client port on localhost (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafka broker;
        try {
            broker = EmbeddedKafka.start(dataDir, false, port, Map.of());
        } catch (RuntimeException e) {
            System.err.println("newsflow: cannot start the broker on port " + port + " with data in " + dataDir + ": "
                    + e.getMessage());
            return 1;
        }
        System.out.println("Kafka broker at " + broker.bootstrapServers() + " (data in " + dataDir
                + "); use -b " + broker.bootstrapServers() + "; stop with Ctrl-C or SIGTERM");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            System.out.println("broker stopped");
            System.out.flush();
            // A signal would otherwise end the JVM with 128+signal; a clean stop is a success.
            Runtime.getRuntime().halt(0);
        }, "newsflow-broker-stop"));
        new CountDownLatch(1).await();
        return 0;
    }
}
