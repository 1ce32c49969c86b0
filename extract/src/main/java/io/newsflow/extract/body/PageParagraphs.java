package io.newsflow.extract.body;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;

/**
 * The last resort for a page whose text no one container holds: every paragraph of the page outside its chrome, in
 * reading order.
 *
 * <p>Landing pages and section-per-screen templates spread a few sentences over many sibling boxes, so no box scores
 * as the article and the scored body is a caption or a form's error text. Their prose is still written as
 * {@code <p>} elements, and their chrome still sits in {@code header}, {@code nav}, {@code footer}, {@code form} or
 * {@code aside} (the body extractor's structural negatives), or in link lists. trafilatura's "baseline" reads a failed page the same way.
 */
public final class PageParagraphs {

    /** Link share above which a paragraph is a teaser or a link list, not prose. */
    private static final double MAX_LINK_DENSITY = 0.5;

    private PageParagraphs() {
    }

    /** The paragraphs under {@code root} (the page's {@code <body>}), with the page's headline-link count. */
    public static Body of(Element root, int linkBlocks) {
        List<String> paragraphs = new ArrayList<>();
        for (TextBlock b : BlockCollector.collect(root)) {
            if (b.chars() > 0 && (b.owner().normalName().equals("p") || isParagraphDiv(b)) && !b.unlikely()
                    && b.linkDensity() <= MAX_LINK_DENSITY && !BodyExtractor.inChrome(b.owner(), root)) {
                paragraphs.add(b.text());
            }
        }
        return Body.of(paragraphs, linkBlocks);
    }

    /** A paragraph's length of text from which a box of inline content reads as one written as a {@code <div>}. */
    private static final int MIN_DIV_PARAGRAPH_CHARS = 80;

    /**
     * Whether the block is a paragraph written as a {@code <div>}: a box of inline content only, a sentence's worth
     * of it or more (shorter ones are labels and buttons), that reads as no notice.
     */
    private static boolean isParagraphDiv(TextBlock b) {
        Element box = b.owner();
        if (!box.normalName().equals("div") || b.chars() < MIN_DIV_PARAGRAPH_CHARS) {
            return false;
        }
        for (Element child : box.children()) {
            if (child.isBlock()) {
                return false;
            }
        }
        return !Boilerplate.isBoilerplate(b.text());
    }
}
