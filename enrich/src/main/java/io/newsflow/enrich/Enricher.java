package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.Tag;

/**
 * Adds language, entities and tags to an article: a pure function of the article.
 */
public final class Enricher {

    public EnrichedArticle enrich(Article article) {
        List<Tag> tags = new ArrayList<>();
        if (article.section() != null && !article.section().isBlank()) {
            tags.add(new Tag(article.section(), Tag.Source.PUBLISHER, 1.0));
        }
        for (String tag : article.publisherTags()) {
            tags.add(new Tag(tag, Tag.Source.PUBLISHER, 1.0));
        }
        LanguageGuess language = article.language() == null || article.language().isBlank()
                ? LanguageGuess.UNDETERMINED
                : new LanguageGuess(article.language().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0], 0.5);
        return new EnrichedArticle(article, language, List.of(), tags, null);
    }
}
