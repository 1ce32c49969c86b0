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
 * @param inThread  whether it sits in a comment thread known by how it is built (its heading, its permalinks): never
 *                  the story's, whichever box is chosen
 */
public record TextBlock(String text, int chars, int linkChars, Element owner, int index, boolean unlikely,
        boolean inThread) {

    /** Share of the text that is link text. */
    public double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }
}
