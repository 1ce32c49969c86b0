package io.newsflow.extract;

/**
 * The typed rejection of a page that holds no article: the extract stage dead-letters it with the reason.
 */
public class NotAnArticleException extends Exception {

    /** Why a page was rejected. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** Bytes that are not text (an image, a zip, random data). */
        BINARY,
        /** Over the page size limit. */
        TOO_LARGE,
        /** Markup too deep or too large to process within the resource limits. */
        TOO_COMPLEX,
        /** A page with no article body: a front page, a login wall, a list of links. */
        NO_ARTICLE
    }

    private final Reason reason;

    public NotAnArticleException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
