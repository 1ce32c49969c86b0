package io.newsflow.enrich.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.InputRecord;
import io.newsflow.common.runtime.OutputRecord;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;

/** The enrich stage: {@code news.articles} in, {@code news.enriched} out; unreadable articles dead-lettered. */
public final class EnrichStage {

    public static final String NAME = "enrich";

    private EnrichStage() {
    }

    public static StageSpec spec(Topics topics, Enricher enricher) {
        return new StageSpec(NAME, topics.articles(), List.of(topics.enriched()),
                input -> List.of(process(input, enricher, topics.enriched())));
    }

    static OutputRecord process(InputRecord input, Enricher enricher, String outputTopic) {
        Article article = JsonCodec.decodeArticle(input.value());
        if (article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("the article has no id");
        }
        EnrichedArticle enriched = enricher.enrich(article);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Headers.URL, article.url());
        headers.put(Headers.SOURCE, input.header(Headers.SOURCE));
        return new OutputRecord(outputTopic, article.id(), JsonCodec.encode(enriched), headers);
    }
}
