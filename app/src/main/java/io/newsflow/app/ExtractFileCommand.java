package io.newsflow.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;

/** {@code newsflow extract-file PATH...}: the Article JSON of local pages, without Kafka. */
@Command(name = "extract-file", mixinStandardHelpOptions = true,
        description = "Extract local pages (.html, .htm, .gz; files or directories) and print their Article JSON. "
                + "Rejected pages are reported on stderr; the exit code is 1 when any page was rejected.")
final class ExtractFileCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or directories of them.")
    List<Path> paths;

    @Option(names = "--jsonl", description = "One compact JSON object per line instead of pretty JSON.")
    boolean jsonl;

    @Mixin
    PageUrlOptions pageUrls;

    @Option(names = "--content-type", description = "The HTTP content-type to assume, e.g. 'text/html; charset=windows-1251'.")
    String contentType;

    @Override
    public Integer call() throws Exception {
        int rejected = LocalPages.extract(paths, pageUrls.url, pageUrls.baseUrl, contentType, (file, article) ->
                System.out.println(jsonl ? JsonCodec.encodeToString(article)
                        : JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(article)));
        return rejected == 0 ? 0 : 1;
    }
}
