package io.newsflow.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Counts of one fault run: every input key must be in the output exactly once, or dead-lettered. */
record Reconciliation(String what, int in, int out, int deadLettered, int lost, int duplicated) {

    static Reconciliation of(String what, Set<String> inputKeys, List<ConsumerRecord<byte[], byte[]>> outputs,
                             List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        Map<String, Long> outCounts = countKeys(outputs);
        Set<String> dead = countKeys(deadLetters).keySet();
        Set<String> lost = new TreeSet<>(inputKeys);
        lost.removeAll(outCounts.keySet());
        lost.removeAll(dead);
        int duplicated = (int) outCounts.values().stream().mapToLong(n -> n - 1).sum();
        Reconciliation r = new Reconciliation(what, inputKeys.size(), outputs.size(), deadLetters.size(), lost.size(), duplicated);
        System.out.println("reconciliation: " + r);
        return r;
    }

    static Map<String, Long> countKeys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8),
                Collectors.counting()));
    }
}
