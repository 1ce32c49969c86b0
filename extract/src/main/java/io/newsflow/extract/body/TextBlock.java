package io.newsflow.extract.body;

import org.jsoup.nodes.Element;

/**
 * A run of visible text between two block boundaries, the unit the body is scored and assembled from.
 *
 * @param text      the text, whitespace collapsed (a {@code <br><br>} ends a block, so a block is one paragraph)
 * @param chars     its non-space characters
 * @param linkChars how many of them are inside links
 * @param owner     the innermost block element holding the text
 * @param index     its position in reading order
 * @param unlikely  whether it sits in a region named like comments, sidebars or footers
 * @param furniture whether it sits in page furniture known by how it is built, not by its names: a comment thread
 *                  (its heading, its permalinks) or a rail of teasers (boxes each headed by a link elsewhere); never
 *                  the story's, whichever box is chosen
 */
public record TextBlock(String text, int chars, int linkChars, Element owner, int index, boolean unlikely,
        boolean furniture) {

    /** Share of the text that is link text. */
    public double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }
}
