package io.newsflow.enrich.duplicates;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.common.codec.InvalidRecordException;
import io.newsflow.common.codec.JsonCodec;

/**
 * The value of a fingerprint record: {@code {"schema":"newsflow.fingerprint/1","simhash":"<16 hex digits>"}}.
 * Hex, not a JSON number, so readers in languages with 53-bit numbers read it right. The schema names the
 * algorithm ({@link SimHash}: 3-word shingles, FNV-1a); a change to it gets a new schema, and readers skip
 * fingerprints of another one, which are not comparable.
 */
public record FingerprintRecord(long simhash) {

    public static final String SCHEMA = "newsflow.fingerprint/1";

    public byte[] encode() {
        return String.format("{\"schema\":\"%s\",\"simhash\":\"%016x\"}", SCHEMA, simhash)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static FingerprintRecord decode(byte[] value) {
        JsonNode tree = JsonCodec.tree(value);
        JsonNode schema = tree.get("schema");
        if (schema == null || !SCHEMA.equals(schema.asText())) {
            throw new InvalidRecordException("expected schema " + SCHEMA + ", got "
                    + (schema == null ? "no schema field" : schema.asText()));
        }
        JsonNode hex = tree.get("simhash");
        if (hex == null || !hex.isTextual() || hex.asText().length() != 16) {
            throw new InvalidRecordException("simhash must be 16 hex digits");
        }
        try {
            return new FingerprintRecord(Long.parseUnsignedLong(hex.asText(), 16));
        } catch (NumberFormatException e) {
            throw new InvalidRecordException("simhash must be 16 hex digits: " + hex.asText());
        }
    }
}
