package io.newsflow.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Kafka broker: declare a {@link TestBroker} parameter on a test, a lifecycle method
 * or the constructor. Testcontainers' Kafka runs it where a Docker engine answers (or where
 * {@code NEWSFLOW_TEST_BROKER=testcontainers}); otherwise the embedded KRaft broker does. One broker serves
 * the whole test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealKafkaExtension.class)
public @interface RealKafka {
}
