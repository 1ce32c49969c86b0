package io.newsflow.enrich;

import java.util.List;

import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.Tag;
import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.entities.LookAlikes;
import io.newsflow.enrich.entities.Morphology;
import io.newsflow.enrich.entities.NameNormalizer;
import io.newsflow.enrich.entities.Tokenizer;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.tags.Tagger;

/**
 * Adds language, entities and tags to an article: a pure function of the article. Entity mention offsets are code
 * points into {@code title + "\n\n" + text}.
 *
 * <p><b>Bound.</b> Language, entities and tags come from the first {@link #MAX_ANALYSED_CHARS} characters of the
 * text (about 30,000 words, longer than nearly every news article); the whole text is kept in the output. Without
 * the bound one 8 MiB text needs gigabytes of tokens and tags, far past the stage's 256 MB heap.
 *
 * <p>Thread-safe. The dictionaries and models load once per JVM, on first use; {@code new Enricher()} is cheap.
 */
public final class Enricher {

    /** Characters of an article's text that enrichment, near-duplicate fingerprints and alert rules look at. */
    public static final int MAX_ANALYSED_CHARS = 200_000;

    private static final class Holder {
        static final LanguageDetector LANGUAGE = new LanguageDetector();
        static final Tagger TAGGER = new Tagger(Morphology.russian(), new NameNormalizer(Morphology.russian()));
    }

    /** The text entity offsets refer to. */
    public static String fullText(Article article) {
        String title = article.title() == null ? "" : article.title();
        return title + "\n\n" + analysedText(article.text());
    }

    /**
     * The part of a text that is analysed: all of it up to {@link #MAX_ANALYSED_CHARS}, else its start, cut at the
     * last white space before the bound (never inside a word or a surrogate pair), so offsets into it are offsets
     * into the whole text.
     */
    public static String analysedText(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_ANALYSED_CHARS) {
            return text;
        }
        int cut = MAX_ANALYSED_CHARS;
        while (cut > MAX_ANALYSED_CHARS / 2 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut);
    }

    public EnrichedArticle enrich(Article article) {
        String full = fullText(article);
        LanguageGuess language = Holder.LANGUAGE.detect(full, article.language());
        String folded = LookAlikes.fold(full);
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(folded);
        List<Entity> entities = EntityExtractor.get().extract(full, folded, tokens, language.code());
        // the keyphrases read the text as written: its tokens are these when folding changed nothing
        List<Tag> tags = Holder.TAGGER.tags(analysed(article), language.code(), folded.equals(full) ? tokens : null);
        return new EnrichedArticle(article, language, entities, tags, null);
    }

    /** The article with only its analysed text, for the parts that read the article as a whole. */
    private static Article analysed(Article article) {
        String text = analysedText(article.text());
        return text.equals(article.text()) ? article : article.withText(text);
    }
}
