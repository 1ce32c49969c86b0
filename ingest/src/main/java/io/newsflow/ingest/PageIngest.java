package io.newsflow.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.newsflow.common.runtime.KafkaSettings;

/** Ingests page files into {@code news.raw}, reporting each rejected file and the totals. */
public final class PageIngest {

    private PageIngest() {
    }

    /** What an ingest run did. */
    public record Summary(int files, int sent, int rejected, long bytes, double seconds) {
        @Override
        public String toString() {
            return String.format("ingest: %d files, %d sent (%,d bytes), %d rejected, %.1f s", files, sent, bytes,
                    rejected, seconds);
        }
    }

    /**
     * Sends every page file under {@code roots}; a file that cannot be read or is too large is reported on
     * {@code errors} and skipped, the rest go on.
     *
     * @param url the page URL, only for a single file; null to derive it
     */
    public static Summary run(KafkaSettings settings, List<Path> roots, String url, String baseUrl,
                              int maxPageBytes, PrintStream errors) throws IOException {
        long start = System.nanoTime();
        List<Path> files = PageFiles.find(roots);
        if (url != null && files.size() != 1) {
            throw new IllegalArgumentException("--url names one page, but " + files.size() + " files were given");
        }
        PageFiles reader = new PageFiles(baseUrl, maxPageBytes);
        int sent = 0;
        int rejected = 0;
        long bytes = 0;
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        List<Path> pendingFiles = new ArrayList<>();
        try (RawPageProducer producer = new RawPageProducer(settings, maxPageBytes)) {
            for (Path file : files) {
                try {
                    var page = reader.read(file, url);
                    pending.add(producer.send(page));
                    pendingFiles.add(file);
                    bytes += page.content().length;
                } catch (IOException | IllegalArgumentException e) {
                    errors.println("rejected " + file + ": " + e.getMessage());
                    rejected++;
                }
                if (pending.size() >= 500) {
                    int[] counts = awaitSent(pending, pendingFiles, errors);
                    sent += counts[0];
                    rejected += counts[1];
                    errors.printf("ingest: %d of %d files sent%n", sent, files.size());
                }
            }
            int[] counts = awaitSent(pending, pendingFiles, errors);
            sent += counts[0];
            rejected += counts[1];
        }
        return new Summary(files.size(), sent, rejected, bytes, (System.nanoTime() - start) / 1e9);
    }

    private static int[] awaitSent(List<Future<RecordMetadata>> pending, List<Path> files, PrintStream errors) {
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < pending.size(); i++) {
            try {
                pending.get(i).get();
                ok++;
            } catch (ExecutionException e) {
                errors.println("rejected " + files.get(i) + ": " + e.getCause().getMessage());
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending pages", e);
            }
        }
        pending.clear();
        files.clear();
        return new int[]{ok, failed};
    }
}
