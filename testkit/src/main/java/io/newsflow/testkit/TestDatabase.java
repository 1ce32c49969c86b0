package io.newsflow.testkit;

/** A database of one test's own on the shared test PostgreSQL, reached as the superuser {@code postgres}. */
public record TestDatabase(String jdbcUrl, String user, String name) {
}
