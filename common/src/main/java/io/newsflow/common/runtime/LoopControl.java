package io.newsflow.common.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Running, stopping and backing off of a consumer loop that runs on a thread of its own (the stage runner's, the
 * store's): {@link #stop} asks the loop to end after its batch in progress, wakes its consumer out of a blocking
 * call, and waits for the loop to say it {@link #finished}.
 */
public final class LoopControl {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile KafkaConsumer<?, ?> consumer;

    /** The loop has begun (before it has a consumer): from now on {@link #stop} waits for it. */
    public void started() {
        started = true;
    }

    /** The consumer {@link #stop} wakes up. */
    public void reading(KafkaConsumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** The loop has ended, whichever way. */
    public void finished() {
        consumer = null;
        stopped.countDown();
    }

    /** False once a stop was asked for (or the thread was interrupted while backing off). */
    public boolean running() {
        return running;
    }

    /** Waits up to {@code nanos}, or less if a stop is asked for meanwhile. */
    public void backOff(long nanos) {
        long until = System.nanoTime() + nanos;
        try {
            while (running && System.nanoTime() < until) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Asks the loop to stop after the batch in progress and waits for it, up to the timeout. */
    public boolean stop(Duration timeout) {
        running = false;
        if (!started) {
            return true;
        }
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
