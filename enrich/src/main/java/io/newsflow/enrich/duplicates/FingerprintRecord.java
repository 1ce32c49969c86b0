package io.newsflow.enrich.duplicates;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.common.codec.InvalidRecordException;
import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.ArticleVersion;

/**
 * The value of a fingerprint record:
 * {@code {"schema":"newsflow.fingerprint/1","simhash":"<16 hex digits>","fetchedAt":"<ISO-8601 instant>"}}.
 * Hex, not a JSON number, so readers in languages with 53-bit numbers read it right. The schema names the
 * algorithm ({@link SimHash}: 3-word shingles, FNV-1a); a change to it gets a new schema, and readers skip
 * fingerprints of another one, which are not comparable. {@code fetchedAt} (when the indexed version was fetched)
 * is left out when unknown, and absent from records written before it existed.
 *
 * @param fetchTime epoch milliseconds, or {@link FingerprintIndex#UNKNOWN_FETCH_TIME}
 */
public record FingerprintRecord(long simhash, long fetchTime) {

    public static final String SCHEMA = "newsflow.fingerprint/1";

    public byte[] encode() {
        String fetched = fetchTime == FingerprintIndex.UNKNOWN_FETCH_TIME ? ""
                : ",\"fetchedAt\":\"" + Instant.ofEpochMilli(fetchTime) + "\"";
        return String.format("{\"schema\":\"%s\",\"simhash\":\"%016x\"%s}", SCHEMA, simhash, fetched)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A fetch time as the index keeps it: epoch milliseconds, or unknown. */
    public static long fetchTime(String fetchedAt) {
        Instant instant = ArticleVersion.instant(fetchedAt);
        return instant == null ? FingerprintIndex.UNKNOWN_FETCH_TIME : instant.toEpochMilli();
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
        JsonNode fetched = tree.get("fetchedAt");
        try {
            return new FingerprintRecord(Long.parseUnsignedLong(hex.asText(), 16),
                    fetched == null || !fetched.isTextual() ? FingerprintIndex.UNKNOWN_FETCH_TIME : fetchTime(fetched.asText()));
        } catch (NumberFormatException e) {
            throw new InvalidRecordException("simhash must be 16 hex digits: " + hex.asText());
        }
    }
}
