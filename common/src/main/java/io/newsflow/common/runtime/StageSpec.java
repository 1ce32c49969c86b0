package io.newsflow.common.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A stage: its name, the topic it reads, the topics it writes, and its processor.
 *
 * @param name        short name, used in the consumer group ({@code newsflow-<name>}), transactional ids,
 *                    dead-letter headers and logs
 * @param inputTopic  the topic it consumes
 * @param outputTopics the topics it produces to (created when missing), besides the dead-letter topic
 */
public record StageSpec(String name, String inputTopic, List<String> outputTopics, RecordProcessor processor) {

    public StageSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputTopic, "inputTopic");
        outputTopics = List.copyOf(outputTopics);
        Objects.requireNonNull(processor, "processor");
    }

    public String groupId() {
        return "newsflow-" + name;
    }

    public String deadLetterTopic() {
        return io.newsflow.common.topics.Topics.deadLetterOf(inputTopic);
    }
}
