package io.newsflow.ingest.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.newsflow.ingest.PageTooLargeException;

/**
 * Collects a response body up to a limit and cancels the exchange past it, so that an endless or huge body
 * never reaches the heap whole.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final String what;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    BoundedBodySubscriber(int limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    /** A subscriber that reads nothing: for responses already refused on their status or headers. */
    static HttpResponse.BodySubscriber<byte[]> discarding() {
        return new BoundedBodySubscriber(-1, "");
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (limit < 0) {
            subscription.cancel();
            body.complete(new byte[0]);
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if ((long) out.size() + buffer.remaining() > limit) {
                subscription.cancel();
                body.completeExceptionally(new PageTooLargeException(what + " is over the page limit of " + limit
                        + " bytes (raise it with --max-page-bytes)"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(out.toByteArray());
    }
}
