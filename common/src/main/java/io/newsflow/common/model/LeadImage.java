package io.newsflow.common.model;

/** The article's lead image: kept out of the body, with its caption and credit. */
public record LeadImage(String url, String caption, String credit) {
}
