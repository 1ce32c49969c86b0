package io.newsflow.extract.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.InputRecord;
import io.newsflow.common.runtime.OutputRecord;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.topics.Topics;
import io.newsflow.extract.Extractor;

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
        Article article = extractor.extract(input.value(), url, input.header(Headers.CONTENT_TYPE));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Headers.URL, url);
        headers.put(Headers.FETCHED_AT, input.header(Headers.FETCHED_AT));
        headers.put(Headers.SOURCE, input.header(Headers.SOURCE));
        return new OutputRecord(outputTopic, article.id(), JsonCodec.encode(article), headers);
    }
}
