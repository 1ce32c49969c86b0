package io.newsflow.common.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a stage produces. Header values are text; insertion order is kept.
 *
 * @param counter a named stage counter to increment when the record is committed (e.g. {@code alerts.rule-7}),
 *                or null
 */
public record OutputRecord(String topic, String key, byte[] value, Map<String, String> headers, String counter) {

    public OutputRecord {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public OutputRecord(String topic, String key, byte[] value, Map<String, String> headers) {
        this(topic, key, value, headers, null);
    }
}
