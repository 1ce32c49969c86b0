package io.newsflow.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.newsflow.common.model.Article;
import io.newsflow.common.model.RawPage;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.NotAnArticleException;
import io.newsflow.ingest.PageFiles;

/** Extraction of local page files for the commands that work without Kafka ({@code extract-file}, {@code rules test}). */
final class LocalPages {

    /** What to do with each page that holds an article. */
    @FunctionalInterface
    interface ArticleSink {
        void accept(Path file, Article article) throws Exception;
    }

    private LocalPages() {
    }

    /**
     * Extracts every page under {@code roots}; a page that cannot be read or holds no article is reported on stderr
     * as {@code FILE: rejected: REASON}.
     *
     * @param url         the page URL, only for a single file; null to take it from the page or the file name
     * @param contentType the HTTP content-type to assume, or null
     * @return how many pages were rejected
     */
    static int extract(List<Path> roots, String url, String baseUrl, String contentType, ArticleSink sink) throws Exception {
        List<Path> files = PageFiles.find(roots);
        if (url != null && files.size() != 1) {
            throw new IllegalArgumentException("--url names one page, but " + files.size() + " files were given");
        }
        PageFiles reader = new PageFiles(baseUrl, 64 * 1024 * 1024);
        Extractor extractor = new Extractor();
        int rejected = 0;
        for (Path file : files) {
            Article article;
            try {
                RawPage page = reader.read(file, url);
                article = extractor.extract(page.content(), page.url(), contentType);
            } catch (NotAnArticleException | IOException e) {
                System.err.println(file + ": rejected: " + e.getMessage());
                rejected++;
                continue;
            }
            sink.accept(file, article);
        }
        return rejected;
    }
}
