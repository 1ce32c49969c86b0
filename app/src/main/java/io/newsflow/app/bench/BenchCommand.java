package io.newsflow.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsflow bench ...}: benchmarks that print their numbers. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print their numbers: extraction and NER quality on gold datasets, speed.",
        subcommands = {
            NerBenchCommand.class,
            AlertsBenchCommand.class,
            ExtractionBenchCommand.class,
            PipelineBenchCommand.class,
            StoreBenchCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
