package io.newsflow.app;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsflow extract}, {@code enrich} and {@code store}: one stage per process, for scaling each on its own. */
final class StageCommands {

    private StageCommands() {
    }

    /** The extract stage alone. */
    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Run the extract stage: news.raw -> news.articles (dead letters to news.raw.dlq).")
    static final class Extract extends StageProcessCommand {
        @Override
        protected List<Pipeline.Stage> stages() {
            return List.of(Pipeline.Stage.extract);
        }
    }

    /** The enrich stage alone. */
    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Run the enrich stage: news.articles -> news.enriched (dead letters to news.articles.dlq).")
    static final class Enrich extends StageProcessCommand {
        @Override
        protected List<Pipeline.Stage> stages() {
            return List.of(Pipeline.Stage.enrich);
        }
    }

    /** The store stage alone. */
    @Command(name = "store", mixinStandardHelpOptions = true,
            description = {"Run the store stage: news.enriched, news.alerts and the dead-letter topics into PostgreSQL, "
                    + "exactly once (rows and consumed offsets in one database transaction; see docs/store.md).",
                    "Needs --jdbc-url (env NEWSFLOW_JDBC_URL), or --embedded for an embedded broker and PostgreSQL."})
    static final class Store extends StageProcessCommand {
        @Mixin
        DatabaseOptions databaseOptions;

        @Override
        protected List<Pipeline.Stage> stages() {
            return List.of();
        }

        @Override
        protected DatabaseOptions database() {
            return databaseOptions;
        }

        @Override
        protected boolean needsDatabase() {
            return true;
        }
    }
}
