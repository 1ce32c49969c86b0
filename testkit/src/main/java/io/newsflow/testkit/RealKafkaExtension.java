package io.newsflow.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import io.newsflow.broker.EmbeddedKafka;

/** Starts the shared broker on first use and stops it when the test JVM's run ends. */
public final class RealKafkaExtension implements ParameterResolver {

    /** The image the docker-compose file uses too. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private static final Logger log = LoggerFactory.getLogger(RealKafkaExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> start(), Running.class).broker();
    }

    private static Running start() {
        String wanted = System.getenv().getOrDefault("NEWSFLOW_TEST_BROKER", "auto");
        boolean docker = !wanted.equals("embedded") && (wanted.equals("testcontainers") || dockerAvailable());
        if (docker) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(40 * 1024 * 1024));
            container.start();
            log.info("test broker: Testcontainers {} at {}", KAFKA_IMAGE, container.getBootstrapServers());
            return new Running(new TestBroker("testcontainers", container.getBootstrapServers(), null), container::stop);
        }
        EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        log.info("test broker: embedded KRaft at {}", kafka.bootstrapServers());
        return new Running(new TestBroker("embedded", kafka.bootstrapServers(), kafka), kafka::close);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The broker and how to stop it, closed by JUnit when the root context closes. */
    private record Running(TestBroker broker, Runnable stopper)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stopper.run();
        }
    }
}
