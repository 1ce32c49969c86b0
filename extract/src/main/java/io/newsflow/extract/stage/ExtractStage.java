package io.newsflow.extract.stage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.ArticleVersion;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.InputRecord;
import io.newsflow.common.runtime.OutputRecord;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.topics.Topics;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.NotAnArticleException;
import io.newsflow.extract.charset.PageDecoder;

/** The extract stage: {@code news.raw} pages in, {@code news.articles} out, rejected pages dead-lettered. */
public final class ExtractStage {

    public static final String NAME = "extract";

    private ExtractStage() {
    }

    public static StageSpec spec(Topics topics, Extractor extractor) {
        return new StageSpec(NAME, topics.raw(), List.of(topics.articles()),
                input -> List.of(process(input, extractor, topics.articles())));
    }

    static OutputRecord process(InputRecord input, Extractor extractor, String outputTopic) throws Exception {
        String url = input.header(Headers.URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the record has no " + Headers.URL + " header");
        }
        Article article = extractor.extract(decoded(input.value()), url, input.header(Headers.CONTENT_TYPE))
                .withFetchedAt(fetchedAt(input));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Headers.URL, url);
        headers.put(Headers.FETCHED_AT, article.fetchedAt());
        headers.put(Headers.SOURCE, input.header(Headers.SOURCE));
        return new OutputRecord(outputTopic, article.id(), JsonCodec.encode(article), headers);
    }

    /**
     * When the page was fetched, in UTC: its {@code newsflow.fetched-at} header, else the raw record's own timestamp
     * (set by whoever produced it); both belong to the record, so a replay finds the same time. Null when neither
     * is there.
     */
    static String fetchedAt(InputRecord input) {
        Instant header = ArticleVersion.instant(input.header(Headers.FETCHED_AT));
        if (header != null) {
            return header.toString();
        }
        return input.timestamp() >= 0 ? Instant.ofEpochMilli(input.timestamp()).toString() : null;
    }

    /**
     * The page bytes, gunzipped when a fetcher stored the body still gzip-encoded; the expansion is bounded, so
     * a gzip bomb is rejected instead of filling the heap.
     */
    static byte[] decoded(byte[] value) throws NotAnArticleException {
        if (value == null || !PageDecoder.startsWith(value, 0x1f, 0x8b)) {
            return value;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(value))) {
            byte[] page = in.readNBytes(Extractor.MAX_PAGE_BYTES + 1);
            if (page.length > Extractor.MAX_PAGE_BYTES) {
                throw new NotAnArticleException(NotAnArticleException.Reason.TOO_LARGE, "the gzip-encoded page expands "
                        + "past the limit of " + Extractor.MAX_PAGE_BYTES + " bytes");
            }
            return page;
        } catch (IOException e) {
            throw new NotAnArticleException(NotAnArticleException.Reason.BINARY, "gzip-encoded page that cannot be "
                    + "decompressed: " + e.getMessage());
        }
    }
}
