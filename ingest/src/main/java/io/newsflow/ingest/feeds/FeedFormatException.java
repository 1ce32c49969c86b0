package io.newsflow.ingest.feeds;

import java.io.IOException;

/** Bytes that are not an RSS, Atom or sitemap document. */
public final class FeedFormatException extends IOException {

    public FeedFormatException(String message) {
        super(message);
    }
}
