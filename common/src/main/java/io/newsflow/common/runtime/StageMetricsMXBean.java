package io.newsflow.common.runtime;

import java.util.List;
import java.util.Map;

/**
 * A running stage's counters over JMX, as {@code io.newsflow:type=Stage,stage=<name>,instance=<id>}: what a
 * monitoring agent (the Prometheus JMX exporter, JConsole) reads beside the Kafka clients' own metrics.
 */
public interface StageMetricsMXBean {

    /** Input records read and committed. */
    long getRecordsIn();

    /** Output records written and committed (dead letters not included). */
    long getRecordsOut();

    /** Input records that went to the dead-letter topic. */
    long getDeadLettered();

    /** Transactions aborted and read again (broker trouble, fencing races). */
    long getAbortedTransactions();

    /** Time spent in the stage's transform, in milliseconds. */
    double getTransformMillis();

    /** The stage's own counters (alerts per rule, outputs per topic). */
    Map<String, Long> getNamedCounters();

    /** Input partitions an open transaction holds back, as the last check after a quiet spell found them. */
    List<String> getHeldBackInput();
}
