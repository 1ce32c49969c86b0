package io.newsflow.common.runtime;

import java.lang.management.ManagementFactory;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running stage's counters as an MXBean on the platform MBean server (a view: every read is current). */
final class StageMetrics implements StageMetricsMXBean {

    private static final Logger log = LoggerFactory.getLogger(StageMetrics.class);

    /** The bean's place on the server while its stage runs; closing it takes the bean off. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final StageCounters counters;
    private final Supplier<List<String>> heldBack;

    private StageMetrics(StageCounters counters, Supplier<List<String>> heldBack) {
        this.counters = counters;
        this.heldBack = heldBack;
    }

    /** {@code io.newsflow:type=Stage,stage=<name>,instance=<topic prefix><instance id>}: unique per runner. */
    static ObjectName name(String stage, KafkaSettings settings) {
        try {
            String instance = settings.topicPrefix() + settings.instanceId();
            return new ObjectName("io.newsflow", new Hashtable<>(Map.of("type", "Stage", "stage", value(stage),
                    "instance", value(instance))));
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(String value) {
        return value.isEmpty() || value.matches(".*[,=:\"*?\\n\\\\].*") ? ObjectName.quote(value) : value;
    }

    /**
     * Registers the counters of a stage. A second runner with the same stage, instance and prefix in one JVM is
     * not registered (its counters stay in the log), and its registration does nothing when closed.
     */
    static Registration register(String stage, KafkaSettings settings, StageCounters counters,
                                 Supplier<List<String>> heldBack) {
        ObjectName name = name(stage, settings);
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new StageMetrics(counters, heldBack), name);
        } catch (JMException e) {
            log.warn("stage {}: counters not on JMX as {}: {}", stage, name, e.toString());
            return () -> { };
        }
        return () -> {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException e) {
                log.debug("cannot unregister {}: {}", name, e.toString());
            }
        };
    }

    @Override
    public long getRecordsIn() {
        return counters.in();
    }

    @Override
    public long getRecordsOut() {
        return counters.out();
    }

    @Override
    public long getDeadLettered() {
        return counters.deadLettered();
    }

    @Override
    public long getAbortedTransactions() {
        return counters.abortedTransactions();
    }

    @Override
    public double getTransformMillis() {
        return counters.transformMillis();
    }

    @Override
    public Map<String, Long> getNamedCounters() {
        return counters.named();
    }

    @Override
    public List<String> getHeldBackInput() {
        return heldBack.get();
    }
}
