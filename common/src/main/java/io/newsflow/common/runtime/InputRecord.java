package io.newsflow.common.runtime;

import org.apache.kafka.common.header.Headers;

/** One record a stage consumed, with where it came from. Key and value may be null. */
public record InputRecord(String topic, int partition, long offset, long timestamp,
                          byte[] key, byte[] value, Headers headers) {

    /** A header as text, or null. */
    public String header(String name) {
        return io.newsflow.common.runtime.Headers.text(headers, name);
    }
}
