package io.newsflow.common.runtime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a replay starts and ends, as the user writes it.
 *
 * <p>Start: {@code earliest}, an ISO-8601 instant or date ({@code 2026-11-01T00:00:00Z}, {@code 2026-11-01}),
 * {@code offset:N} (every partition from offset N) or {@code P:N,P:N} (per partition). End: {@code now}
 * (the end offsets seen when the replay starts) or an ISO-8601 instant or date.
 */
public record ReplayRange(String from, String to) {

    public ReplayRange {
        from = from == null ? "earliest" : from.strip();
        to = to == null ? "now" : to.strip();
        if (!to.equals("now")) {
            parseTime(to, "--to");
        }
        if (!from.equals("earliest") && !from.startsWith("offset:") && !from.matches("\\d+:\\d+(,\\d+:\\d+)*")) {
            parseTime(from, "--from");
        }
    }

    /** The first offset to read per partition. */
    Map<TopicPartition, Long> startOffsets(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> start = new HashMap<>();
        if (from.equals("earliest")) {
            start.putAll(beginning);
        } else if (from.startsWith("offset:")) {
            long offset = Long.parseLong(from.substring("offset:".length()));
            partitions.forEach(p -> start.put(p, Math.max(offset, beginning.get(p))));
        } else if (from.matches("\\d+:\\d+(,\\d+:\\d+)*")) {
            Map<Integer, Long> given = new HashMap<>();
            for (String part : from.split(",")) {
                String[] pn = part.split(":");
                given.put(Integer.parseInt(pn[0]), Long.parseLong(pn[1]));
            }
            for (TopicPartition p : partitions) {
                start.put(p, Math.max(given.getOrDefault(p.partition(), Long.MAX_VALUE), beginning.get(p)));
            }
        } else {
            start.putAll(offsetsAt(consumer, partitions, parseTime(from, "--from")));
        }
        return start;
    }

    /** The offset to stop before per partition: the end seen now, or the first offset at {@code to}. */
    Map<TopicPartition, Long> endOffsets(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        if (!to.equals("now")) {
            Map<TopicPartition, Long> at = offsetsAt(consumer, partitions, parseTime(to, "--to"));
            at.forEach((p, offset) -> end.merge(p, offset, Math::min));
        }
        return end;
    }

    private static Map<TopicPartition, Long> offsetsAt(Consumer<?, ?> consumer, List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            offsets.put(p, at == null ? end.get(p) : at.offset());
        }
        return offsets;
    }

    static Instant parseTime(String text, String option) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(option + " '" + text + "' is not earliest, now, offset:N, "
                            + "P:N,... or an ISO-8601 time such as 2026-11-01T00:00:00Z or 2026-11-01");
                }
            }
        }
    }
}
