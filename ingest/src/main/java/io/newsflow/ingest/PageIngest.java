package io.newsflow.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.newsflow.common.model.RawPage;
import io.newsflow.common.runtime.KafkaSettings;

/** Ingests page files and WARC files into {@code news.raw}, reporting each rejected page and the totals. */
public final class PageIngest {

    /** How often a long run says how far it got. */
    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

    private PageIngest() {
    }

    /**
     * What an ingest run did.
     *
     * @param files          HTML files read
     * @param warcFiles      WARC files read (to their end or to a corrupt spot)
     * @param sent           pages written to {@code news.raw}, from both
     * @param rejected       pages not written, each reported with its reason
     * @param skippedRecords WARC records that hold no HTML page (requests, metadata, redirects, images…)
     * @param brokenFiles    WARC files cut short by a truncated or corrupt record (the pages before it were sent)
     */
    public record Summary(int files, int warcFiles, int sent, int rejected, int skippedRecords, int brokenFiles,
                          long bytes, double seconds) {

        /** Whether everything given was ingested: no page rejected, no WARC file cut short. */
        public boolean complete() {
            return rejected == 0 && brokenFiles == 0;
        }

        @Override
        public String toString() {
            if (warcFiles == 0) {
                return String.format("ingest: %d files, %d sent (%,d bytes), %d rejected, %.1f s", files, sent, bytes,
                        rejected, seconds);
            }
            return String.format("ingest: %s%d WARC file%s: %d page%s sent (%,d bytes), %,d records skipped "
                            + "(not HTML 200 responses), %d rejected%s, %.1f s",
                    files == 0 ? "" : files + " HTML files, ", warcFiles, warcFiles == 1 ? "" : "s", sent,
                    sent == 1 ? "" : "s", bytes,
                    skippedRecords, rejected, brokenFiles == 0 ? "" : ", " + brokenFiles + " WARC file"
                            + (brokenFiles == 1 ? "" : "s") + " truncated or corrupt", seconds);
        }
    }

    /**
     * Sends every page file and every HTML page of every WARC file under {@code roots}; a page that cannot be
     * read or is too large is reported on {@code errors} and skipped, a corrupt WARC file is reported after the
     * pages before the corrupt spot were sent, and the rest go on.
     *
     * @param url the page URL, only for a single HTML file; null to derive it
     */
    public static Summary run(KafkaSettings settings, List<Path> roots, String url, String baseUrl,
                              int maxPageBytes, PrintStream errors) throws IOException {
        return run(settings, roots, url, baseUrl, maxPageBytes, errors, System.nanoTime());
    }

    /**
     * As {@link #run(KafkaSettings, List, String, String, int, PrintStream)}, timed from {@code startedNanos}
     * ({@link System#nanoTime}) to the last page acknowledged and the producer closed: a caller that first waits
     * for the broker (creating topics while it is down) passes the time it began, so the wait counts.
     */
    public static Summary run(KafkaSettings settings, List<Path> roots, String url, String baseUrl,
                              int maxPageBytes, PrintStream errors, long startedNanos) throws IOException {
        List<Path> files = PageFiles.find(roots);
        if (url != null && (files.size() != 1 || WarcPages.isWarcFile(files.get(0)))) {
            throw new IllegalArgumentException("--url names one page, but " + files.size() + " files were given"
                    + (files.size() == 1 ? " (a WARC file names its own URLs)" : ""));
        }
        PageFiles reader = new PageFiles(baseUrl, maxPageBytes);
        WarcPages warcReader = new WarcPages(maxPageBytes);
        int htmlFiles = 0;
        int warcFiles = 0;
        int brokenFiles = 0;
        Sending sending;
        try (RawPageProducer producer = new RawPageProducer(settings, maxPageBytes)) {
            sending = new Sending(producer, errors, files.size());
            for (Path file : files) {
                sending.file++;
                if (WarcPages.isWarcFile(file)) {
                    warcFiles++;
                    try {
                        warcReader.read(file, entry -> sending.warcEntry(file, entry));
                    } catch (IOException e) {
                        errors.println("newsflow: " + e.getMessage());
                        brokenFiles++;
                    }
                    continue;
                }
                htmlFiles++;
                try {
                    sending.send(reader.read(file, url), file.toString());
                } catch (IOException | IllegalArgumentException e) {
                    sending.reject(file + ": " + e.getMessage());
                }
            }
            sending.awaitSent();
        }
        return new Summary(htmlFiles, warcFiles, sending.sent, sending.rejected, sending.skipped, brokenFiles,
                sending.bytes, (System.nanoTime() - startedNanos) / 1e9);
    }

    /** The pages in flight, the counts, and a progress line every few seconds. */
    private static final class Sending {
        private final RawPageProducer producer;
        private final PrintStream errors;
        private final int files;
        private final List<Future<RecordMetadata>> pending = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private long lastProgress = System.nanoTime();
        int file;
        int sent;
        int rejected;
        int skipped;
        long bytes;

        Sending(RawPageProducer producer, PrintStream errors, int files) {
            this.producer = producer;
            this.errors = errors;
            this.files = files;
        }

        void warcEntry(Path file, WarcPages.Entry entry) {
            if (entry instanceof WarcPages.Page page) {
                try {
                    send(page.page(), file + " at offset " + page.offset() + " (" + page.page().url() + ")");
                } catch (IOException | IllegalArgumentException e) {
                    reject(file + " at offset " + page.offset() + " (" + page.page().url() + "): " + e.getMessage());
                }
            } else if (entry instanceof WarcPages.Rejected rejection) {
                reject(rejection.reason());
            } else {
                skipped++;
                progress();
            }
        }

        void send(RawPage page, String label) throws IOException {
            pending.add(producer.send(page));
            labels.add(label);
            bytes += page.content().length;
            if (pending.size() >= 500) {
                awaitSent();
            }
            progress();
        }

        void reject(String reason) {
            errors.println("rejected " + reason);
            rejected++;
            progress();
        }

        void awaitSent() {
            for (int i = 0; i < pending.size(); i++) {
                try {
                    pending.get(i).get();
                    sent++;
                } catch (ExecutionException e) {
                    errors.println("rejected " + labels.get(i) + ": " + e.getCause().getMessage());
                    rejected++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending pages", e);
                }
            }
            pending.clear();
            labels.clear();
        }

        private void progress() {
            if (System.nanoTime() - lastProgress > PROGRESS_INTERVAL_NANOS) {
                errors.printf("ingest: file %d of %d, %d pages sent, %d in flight, %d rejected, %d records skipped%n",
                        file, files, sent, pending.size(), rejected, skipped);
                lastProgress = System.nanoTime();
            }
        }
    }
}
