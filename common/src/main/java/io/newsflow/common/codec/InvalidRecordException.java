package io.newsflow.common.codec;

/** A topic value that cannot be read as the record its topic carries. */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }
}
