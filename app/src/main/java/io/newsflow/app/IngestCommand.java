package io.newsflow.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.ingest.PageIngest;

/** {@code newsflow ingest}: HTML and WARC files, directories of them, and pages fetched over HTTP into {@code news.raw}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Write HTML pages (files or directories; .html, .htm, optionally .gz) to news.raw.",
                "WARC files (.warc, .warc.gz, also inside directories) give their HTML responses with HTTP 200: "
                        + "URL, fetch time and content type from the record; other records are skipped and counted.",
                "Pages fetched over HTTP: URL lists, RSS/Atom feeds and sitemaps (--urls, --feed, --poll)."})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Page files, WARC files or directories of them.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    HttpSourceOptions http;

    @Mixin
    PageUrlOptions pageUrls;

    @Option(names = "--max-page-bytes", defaultValue = "8388608",
            description = "Largest page accepted, after decompression (default: ${DEFAULT-VALUE}, 8 MiB).")
    int maxPageBytes;

    @Override
    public Integer call() throws Exception {
        // The reported time starts here: a broker that is down makes the topic setup below wait, and that counts.
        long started = System.nanoTime();
        if (paths.isEmpty() && !http.any()) {
            throw new ParameterException(spec.commandLine(), "give page files or directories, --urls or --feed");
        }
        KafkaSettings settings = kafka.settings();
        List<String> topics = http.any() ? List.of(settings.topics().raw(), settings.topics().fetched())
                : List.of(settings.topics().raw());
        TopicSetup.ensure(settings, topics, kafka.partitions, kafka.replicationFactor);
        int exitCode = 0;
        if (!paths.isEmpty()) {
            PageIngest.Summary summary = PageIngest.run(settings, paths, pageUrls.url, pageUrls.baseUrl, maxPageBytes,
                    System.err, started);
            System.out.println(summary);
            exitCode = summary.complete() ? 0 : 2;
        }
        if (http.any()) {
            exitCode = Math.max(exitCode, http.run(settings, maxPageBytes, System.out, System.err,
                    paths.isEmpty() ? started : System.nanoTime()));
        }
        return exitCode;
    }
}
