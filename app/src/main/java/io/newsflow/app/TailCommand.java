package io.newsflow.app;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.common.codec.InvalidRecordException;
import io.newsflow.common.codec.JsonCodec;

/** {@code newsflow tail TOPIC}: committed records of a topic as JSON lines. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print the committed records of a topic as JSON lines: topic, partition, offset, key, "
                + "headers and value (JSON values inline, other values as text, cut to --max-text).")
final class TailCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "TOPIC", description = "The topic, with its prefix if any (e.g. news.enriched).")
    String topic;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until stopped.")
    boolean follow;

    @Option(names = {"-n", "--max"}, defaultValue = "0", description = "Stop after this many records (0: all).")
    long max;

    @Option(names = "--max-text", defaultValue = "300",
            description = "Characters of a non-JSON value to print (default: ${DEFAULT-VALUE}; 0: all).")
    int maxText;

    @Override
    public Integer call() {
        TopicReader.read(kafka.settings(), topic, follow, max, record -> {
            System.out.println(JsonCodec.encodeToString(describe(record, maxText)));
            System.out.flush();
        });
        return 0;
    }

    static ObjectNode describe(ConsumerRecord<byte[], byte[]> record, int maxText) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode line = json.objectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        byte[] value = record.value();
        if (value == null) {
            line.putNull("value");
            return line;
        }
        line.put("valueBytes", value.length);
        try {
            line.set("value", JsonCodec.tree(value));
        } catch (InvalidRecordException notJson) {
            String text = new String(value, StandardCharsets.UTF_8);
            line.put("valueText", maxText > 0 && text.length() > maxText ? text.substring(0, maxText) + "…" : text);
        }
        return line;
    }
}
