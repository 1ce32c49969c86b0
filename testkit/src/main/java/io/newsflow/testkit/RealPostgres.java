package io.newsflow.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real PostgreSQL: declare a {@link TestDatabase} parameter on a test or a lifecycle method to
 * get a database of its own on the server that the whole test JVM shares (the embedded server binaries).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealPostgresExtension.class)
public @interface RealPostgres {
}
