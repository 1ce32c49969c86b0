package io.newsflow.common.codec;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;

/**
 * The one JSON codec of every Newsflow topic.
 *
 * <p>Output is deterministic (fields in declaration order, {@code schema} first, no pretty printing), so the
 * same record always encodes to the same bytes. Reading ignores fields it does not know and checks the
 * {@code schema} field, so a value that is not the expected record fails with a clear message.
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private JsonCodec() {
    }

    /** Encodes any record as compact UTF-8 JSON. */
    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Encodes any record as a compact JSON string (for printing). */
    public static String encodeToString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static Article decodeArticle(byte[] json) {
        return decode(json, Article.class, Article.SCHEMA);
    }

    public static EnrichedArticle decodeEnriched(byte[] json) {
        return decode(json, EnrichedArticle.class, EnrichedArticle.SCHEMA);
    }

    public static Alert decodeAlert(byte[] json) {
        return decode(json, Alert.class, Alert.SCHEMA);
    }

    /** Parses any JSON (for tools that print or inspect values). */
    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidRecordException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Decodes a value after checking its {@code schema}: same name, any minor evolution of the same major
     * version ({@code newsflow.article/1} reads {@code newsflow.article/1} only; new fields are ignored).
     */
    public static <T> T decode(byte[] json, Class<T> type, String schema) {
        if (json == null || json.length == 0) {
            throw new InvalidRecordException("empty value, expected " + schema);
        }
        JsonNode tree = tree(json);
        if (!tree.isObject()) {
            throw new InvalidRecordException("expected a JSON object with schema " + schema + ", got " + tree.getNodeType());
        }
        JsonNode actual = tree.get("schema");
        if (actual == null || !schema.equals(actual.asText())) {
            throw new InvalidRecordException("expected schema " + schema + ", got "
                    + (actual == null ? "no schema field" : "'" + actual.asText() + "'"));
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidRecordException("invalid " + schema + ": " + e.getOriginalMessage());
        }
    }
}
