package io.newsflow.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.newsflow.app.bench.BenchCommand;
import io.newsflow.common.runtime.Version;

/** The {@code newsflow} command line: one entry point for the demo, the stages, ingest and the tools. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = Newsflow.VersionProvider.class,
        description = "Turns raw news pages into clean, enriched articles on Kafka topics.",
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                StageCommands.Extract.class,
                StageCommands.Enrich.class,
                BrokerCommand.class,
                StageCommands.Store.class,
                ServeCommand.class,
                IngestCommand.class,
                TailCommand.class,
                ExtractFileCommand.class,
                ReplayCommand.class,
                RulesCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Newsflow implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and for {@link #main}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Newsflow()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reports the code version, the same one the {@code newsflow.version} header carries, and the build's commit. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"newsflow " + Version.current() + " (commit " + Version.commit() + ")"};
        }
    }
}
