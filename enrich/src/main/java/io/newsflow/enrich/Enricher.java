package io.newsflow.enrich;

import java.util.List;

import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.Tag;
import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.entities.Morphology;
import io.newsflow.enrich.entities.NameNormalizer;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.tags.Tagger;

/**
 * Adds language, entities and tags to an article: a pure function of the article. Entity mention offsets are code
 * points into {@code title + "\n\n" + text}.
 *
 * <p>Thread-safe. The dictionaries and models load once per JVM, on first use; {@code new Enricher()} is cheap.
 */
public final class Enricher {

    private static final class Holder {
        static final LanguageDetector LANGUAGE = new LanguageDetector();
        static final Tagger TAGGER = new Tagger(Morphology.russian(), new NameNormalizer(Morphology.russian()));
    }

    /** The text entity offsets refer to. */
    public static String fullText(Article article) {
        String title = article.title() == null ? "" : article.title();
        String text = article.text() == null ? "" : article.text();
        return title + "\n\n" + text;
    }

    public EnrichedArticle enrich(Article article) {
        String full = fullText(article);
        LanguageGuess language = Holder.LANGUAGE.detect(full, article.language());
        List<Entity> entities = EntityExtractor.get().extract(full, language.code());
        List<Tag> tags = Holder.TAGGER.tags(article, language.code());
        return new EnrichedArticle(article, language, entities, tags, null);
    }
}
