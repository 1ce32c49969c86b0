package io.newsflow.common.metrics;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

import io.newsflow.common.runtime.KafkaSettings;

/**
 * Whether the cluster answers: a describeCluster with a short timeout, its answer kept for a few seconds so that
 * frequent probes cost the broker little. A stage's consumer keeps its assignment while the broker is away, so
 * the assignment alone cannot tell readiness.
 */
final class BrokerCheck implements AutoCloseable {

    private final KafkaSettings settings;
    private final Duration timeout;
    private final long cacheNanos;
    private Admin admin;
    private long checkedAt;
    private boolean reachable;
    private boolean closed;

    BrokerCheck(KafkaSettings settings, Duration timeout, Duration cache) {
        this.settings = settings;
        this.timeout = timeout;
        this.cacheNanos = cache.toNanos();
    }

    /** True when the cluster answered within the timeout, now or at most the cache period ago. */
    synchronized boolean reachable() {
        long now = System.nanoTime();
        if (closed) {
            return false;
        }
        if (checkedAt != 0 && now - checkedAt < cacheNanos) {
            return reachable;
        }
        reachable = describe();
        checkedAt = System.nanoTime();
        return reachable;
    }

    private boolean describe() {
        try {
            if (admin == null) {
                Properties p = settings.admin();
                p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-" + settings.instanceId() + "-health");
                admin = Admin.create(p);
            }
            int millis = (int) timeout.toMillis();
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).clusterId()
                    .get(millis + 500L, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
