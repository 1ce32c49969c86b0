package io.newsflow.store;

import io.newsflow.common.codec.JsonCodec;

/**
 * The enriched value as {@code articles.enriched} keeps it: without the article's text, which is the row's
 * {@code body}, so the largest value of a row is stored once (docs/store.md "Schema", {@code V6}). The view
 * {@code enriched_articles} gives the whole value back.
 */
final class StoredEnriched {

    private StoredEnriched() {
    }

    /**
     * The value without its {@code "text"} field when that field holds {@code text} exactly as Newsflow's codec writes
     * it, once; otherwise (another writer's escaping, say) the value unchanged, which the view reads as it is. An empty
     * or missing text stays in the value: the view puts back only a body that is not empty.
     */
    static String withoutText(String json, String text) {
        if (text == null || text.isEmpty()) {
            return json;
        }
        String field = "\"text\":" + JsonCodec.encodeToString(text);
        int start = json.indexOf(field);
        if (start < 0 || json.indexOf(field, start + 1) >= 0) {
            return json;
        }
        int end = start + field.length();
        if (end < json.length() && json.charAt(end) == ',') {
            end++;
        } else if (start > 0 && json.charAt(start - 1) == ',') {
            start--;
        } else {
            return json;
        }
        return json.substring(0, start) + json.substring(end);
    }
}
