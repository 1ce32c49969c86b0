package io.newsflow.app;

import java.util.List;

import picocli.CommandLine.Command;

/** {@code newsflow extract} and {@code newsflow enrich}: one stage per process, for scaling each on its own. */
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
}
