package io.newsflow.ingest;

import java.io.IOException;

/** A page over the size limit of {@code news.raw}. */
public class PageTooLargeException extends IOException {

    public PageTooLargeException(String message) {
        super(message);
    }
}
