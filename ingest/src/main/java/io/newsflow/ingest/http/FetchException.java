package io.newsflow.ingest.http;

import java.io.IOException;

/** A URL that could not be fetched, with the reason it is counted under. */
public final class FetchException extends IOException {

    /** Why a fetch failed; the summary counts failures per reason. */
    public enum Reason {
        INVALID_URL, DNS, CONNECT, TIMEOUT, HTTP_STATUS, NOT_HTML, TOO_LARGE, BAD_ENCODING, NOT_A_FEED, IO, SEND,
        /** Not requested: a scheme other than http(s), or a host with a non-public address (see AddressPolicy). */
        BLOCKED_ADDRESS;

        /**
         * Worth another try on the next poll: the same request may well succeed later. A blocked address
         * depends on DNS and on the allow flags, not on the page, so it is not remembered as fetched either.
         */
        public boolean retryable() {
            return this == DNS || this == CONNECT || this == TIMEOUT || this == IO || this == SEND
                    || this == BLOCKED_ADDRESS;
        }
    }

    private final Reason reason;

    public FetchException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
