package io.newsflow.extract.metadata;

import org.jsoup.nodes.Element;

/**
 * A page's metadata with the element the body extractor takes for the story's headline: kept apart from
 * {@link Metadata}, which is a value, while an element is a place in one parsed page.
 *
 * @param bodyHeadline the first {@code <h1>} in the body that shows {@link Metadata#shownTitle()}, else the page's
 *     shown {@code <h1>} when it words that title otherwise; or null
 */
public record MetadataAndHeadline(Metadata metadata, Element bodyHeadline) {
}
