package io.newsflow.common.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a stage produces. Header values are text; insertion order is kept.
 */
public record OutputRecord(String topic, String key, byte[] value, Map<String, String> headers) {

    public OutputRecord {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
