package io.newsflow.enrich.alerts;

import java.util.List;

import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Alert.AlertMatch;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;

/**
 * A rule that holds for an article: the terms that matched (text terms with code-point offsets into
 * {@code title + "\n\n" + text}; article-level terms such as tag or section with offsets -1) and a snippet of
 * the text around the first match in the text.
 */
public record RuleMatch(Rule rule, List<AlertMatch> matched, String snippet) {

    public RuleMatch {
        matched = List.copyOf(matched);
    }

    /** The alert record of this match: the value of {@code news.alerts}. */
    public Alert toAlert(EnrichedArticle enriched) {
        Article article = enriched.article();
        return new Alert(rule.id(), rule.name(), article.id(), article.url(), article.title(), article.published(),
                article.contentHash(), matched, snippet, enriched.duplicateOf(), article.fetchedAt());
    }

    /** The alert key: rule id, a space, article id. */
    public static String key(String ruleId, String articleId) {
        return ruleId + " " + articleId;
    }
}
