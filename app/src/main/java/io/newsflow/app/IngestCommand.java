package io.newsflow.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.ingest.PageIngest;

/** {@code newsflow ingest PATH...}: HTML files, WARC files and directories of them into {@code news.raw}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Write HTML pages (files or directories; .html, .htm, optionally .gz) to news.raw.",
                "WARC files (.warc, .warc.gz, also inside directories) give their HTML responses with HTTP 200: "
                        + "URL, fetch time and content type from the record; other records are skipped and counted."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files, WARC files or directories of them.")
    List<Path> paths;

    @Option(names = "--url", description = "The page URL (only with a single file); default: the page's "
            + "canonical link or og:url, else --base-url plus the file name.")
    String url;

    @Option(names = "--base-url", defaultValue = "http://localhost/pages/",
            description = "URL prefix for pages that declare no URL (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(names = "--max-page-bytes", defaultValue = "8388608",
            description = "Largest page accepted, after decompression (default: ${DEFAULT-VALUE}, 8 MiB).")
    int maxPageBytes;

    @Override
    public Integer call() throws Exception {
        KafkaSettings settings = kafka.settings();
        TopicSetup.ensure(settings, List.of(settings.topics().raw()), kafka.partitions, kafka.replicationFactor);
        PageIngest.Summary summary = PageIngest.run(settings, paths, url, baseUrl, maxPageBytes, System.err);
        System.out.println(summary);
        return summary.complete() ? 0 : 2;
    }
}
