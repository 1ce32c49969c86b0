package io.newsflow.app;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow run}: all stages (or some) in one process. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run pipeline stages (default: all) against a Kafka cluster until stopped (SIGTERM/SIGINT).",
                "The store stage runs too when a database is given (--jdbc-url, NEWSFLOW_JDBC_URL) or with --embedded "
                        + "(an embedded PostgreSQL beside the embedded broker)."})
final class RunCommand extends StageProcessCommand {

    @Mixin
    DatabaseOptions databaseOptions;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
            description = "Stages to run, comma-separated: ${COMPLETION-CANDIDATES} (default: all).")
    List<Pipeline.Stage> stages = List.of(Pipeline.Stage.values());

    @Override
    protected List<Pipeline.Stage> stages() {
        return stages;
    }

    @Override
    protected DatabaseOptions database() {
        return databaseOptions;
    }
}
