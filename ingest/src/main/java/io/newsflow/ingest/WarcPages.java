package io.newsflow.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;

import io.newsflow.common.model.RawPage;

/**
 * Reads WARC files ({@code .warc}, {@code .warc.gz}) into raw pages: one page per HTML response with HTTP 200.
 *
 * <p>Parsing is jwarc's (a maintained, streaming reader of the whole WARC 1.0/1.1 spec, gzip members, chunked
 * and gzip/deflate-encoded HTTP bodies included), so records are read one at a time and a multi-gigabyte crawl never
 * sits in memory. A page is URL = {@code WARC-Target-URI}, fetched-at = {@code WARC-Date}, content type = the
 * HTTP {@code Content-Type}, body = the HTTP payload with transfer and content encodings undone, bytes otherwise
 * untouched (the extractor decodes the charset).
 */
public final class WarcPages {

    /** What one WARC record became; {@code offset} is where the record starts in the file (its gzip member). */
    public sealed interface Entry permits Page, Skipped, Rejected {
        long offset();
    }

    /** An HTML page to send. */
    public record Page(long offset, RawPage page) implements Entry {
    }

    /** A record that holds no HTML page (a request, metadata, a 404, an image…), with why. */
    public record Skipped(long offset, String reason) implements Entry {
    }

    /** An HTML page that cannot be sent, e.g. over the size limit; the reason names file, offset and URL. */
    public record Rejected(long offset, String url, String reason) implements Entry {
    }

    /** The HTML sniffing window for responses without a content type. */
    private static final int SNIFF_BYTES = 1024;

    private final int maxPageBytes;

    /** @param maxPageBytes the largest page accepted, after undoing content encodings */
    public WarcPages(int maxPageBytes) {
        this.maxPageBytes = maxPageBytes;
    }

    /** Whether a file is a WARC file by its name ({@code .warc}, {@code .warc.gz}). */
    public static boolean isWarcFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".warc") || name.endsWith(".warc.gz");
    }

    /**
     * Reads every record of a WARC file in order, handing each one's outcome to {@code entries} as soon as it is
     * read, so pages before a corrupt spot are kept by the caller.
     *
     * @throws IOException when the file cannot be opened, or is truncated or corrupt; the message names the
     *                     file, the record number and its offset
     */
    public void read(Path file, Consumer<Entry> entries) throws IOException {
        try (WarcReader reader = new WarcReader(file)) {
            int number = 0;
            long lastOffset = -1;
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    // The reader failed between records: the previous record's tail or the next header is broken.
                    throw corrupt(file, number + 1, lastOffset < 0 ? "at the start of the file"
                            : "after the record at offset " + lastOffset, e);
                }
                if (next.isEmpty()) {
                    return;
                }
                number++;
                lastOffset = reader.position();
                WarcRecord record = next.get();
                Entry entry;
                try {
                    entry = entry(file, lastOffset, record);
                    drain(record.body());
                } catch (IOException | RuntimeException e) {
                    throw corrupt(file, number, "at offset " + lastOffset, e);
                }
                entries.accept(entry);
            }
        }
    }

    private static IOException corrupt(Path file, int number, String where, Exception cause) {
        String why = cause.getMessage() != null ? cause.getMessage()
                : cause instanceof EOFException ? "unexpected end of file" : cause.getClass().getSimpleName();
        return new IOException(file + ": truncated or corrupt WARC at record " + number + " (" + where + "): " + why
                + "; the records before it were read", cause);
    }

    /** Throws only when the file itself is broken (truncated, bad framing); a bad page is an entry. */
    private Entry entry(Path file, long offset, WarcRecord record) throws IOException {
        if (record instanceof WarcResponse response) {
            return response(file, offset, response);
        }
        if (record instanceof WarcResource resource) {
            return resource(file, offset, resource);
        }
        return new Skipped(offset, record.type() + " record");
    }

    private Entry response(Path file, long offset, WarcResponse response) throws IOException {
        String url = target(response);
        if (url == null) {
            return new Skipped(offset, "response to a non-HTTP URL " + response.target());
        }
        Optional<String> blockType = response.headers().first("Content-Type");
        if (blockType.isPresent() && !MediaType.parseLeniently(blockType.get()).base().equals(MediaType.HTTP)) {
            return new Skipped(offset, "response that is not HTTP (" + blockType.get() + ")");
        }
        HttpResponse http;
        try {
            http = response.http();
        } catch (ParsingException e) {
            return rejected(file, offset, url, "cannot parse the HTTP response header: " + e.getMessage());
        }
        if (http.status() != 200) {
            return new Skipped(offset, "HTTP " + http.status() + " response");
        }
        String contentType = http.headers().first("Content-Type").map(String::strip).orElse(null);
        if (contentType != null && !isHtml(contentType)) {
            return new Skipped(offset, "response of " + MediaType.parseLeniently(contentType).base());
        }
        if (response.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
            return rejected(file, offset, url, "the crawler truncated the response (WARC-Truncated: "
                    + response.headers().first("WARC-Truncated").orElse("?") + ")");
        }
        boolean encoded = http.headers().first("Content-Encoding").filter(e -> !e.isBlank()
                && !e.strip().equalsIgnoreCase("identity")).isPresent();
        byte[] body;
        try {
            body = readBounded(http.bodyDecoded());
        } catch (PageTooLargeException e) {
            return rejected(file, offset, url, "over the page limit of " + maxPageBytes + " bytes"
                    + (encoded ? " once decoded" : "") + " (raise it with --max-page-bytes)");
        } catch (IOException e) {
            // A broken gzip body inside an intact record is the page's fault; a short record is the file's, and
            // reading the rest of the record (see drain) tells the two apart.
            return rejected(file, offset, url, "cannot decode the HTTP body: " + e.getMessage());
        }
        if (contentType == null && !looksLikeHtml(body)) {
            return new Skipped(offset, "response without a content type that does not look like HTML");
        }
        return page(file, offset, url, response, contentType, body);
    }

    private Entry resource(Path file, long offset, WarcResource resource) throws IOException {
        // A resource record's block is the page itself, e.g. a page saved by a browser extension.
        String url = target(resource);
        String contentType = resource.headers().first("Content-Type").map(String::strip).orElse(null);
        if (url == null || contentType == null || !isHtml(contentType)) {
            return new Skipped(offset, "resource record" + (contentType == null ? "" : " of "
                    + MediaType.parseLeniently(contentType).base()));
        }
        byte[] body;
        try {
            body = readBounded(resource.body());
        } catch (PageTooLargeException e) {
            return rejected(file, offset, url, "over the page limit of " + maxPageBytes
                    + " bytes (raise it with --max-page-bytes)");
        }
        return page(file, offset, url, resource, contentType, body);
    }

    private static Page page(Path file, long offset, String url, WarcTargetRecord record, String contentType,
                             byte[] body) {
        String source = "warc:" + file.toAbsolutePath().normalize() + "#" + offset;
        return new Page(offset, new RawPage(url, record.date().toString(), contentType, source, body));
    }

    /**
     * Reads the rest of a record: jwarc would seek past it, even past the end of a truncated file, so a record cut
     * short would go unnoticed, or pass for one bad page when the file is at fault.
     */
    private static void drain(MessageBody block) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (block.read(buffer) >= 0) {
            buffer.clear();
        }
    }

    private static Rejected rejected(Path file, long offset, String url, String why) {
        return new Rejected(offset, url, file + " at offset " + offset + " (" + url + "): " + why);
    }

    /** The target URL when it is http(s), else null; WARC 1.0 writers may wrap it in angle brackets. */
    private static String target(WarcTargetRecord record) {
        String target = record.target();
        if (target == null) {
            return null;
        }
        target = target.strip();
        if (target.startsWith("<") && target.endsWith(">")) {
            target = target.substring(1, target.length() - 1);
        }
        String lower = target.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? target : null;
    }

    static boolean isHtml(String contentType) {
        MediaType type = MediaType.parseLeniently(contentType).base();
        String name = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
        return name.equals("text/html") || name.equals("application/xhtml+xml");
    }

    /** HTML sniffing for bodies without a content type: the first tag after a BOM and whitespace. */
    static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .replaceFirst("^(\u00EF\u00BB\u00BF|\u00FE\u00FF|\u00FF\u00FE)", "").stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body") || (head.startsWith("<") && head.contains("<html"));
    }

    /** Reads at most the limit; a content-encoded body is bounded by its decoded size, so a gzip bomb stops early. */
    private byte[] readBounded(MessageBody body) throws IOException {
        InputStream in = body.stream();
        byte[] buffer = new byte[(int) Math.min(maxPageBytes + 1L, 64 * 1024)];
        int length = 0;
        for (int n; (n = in.read(buffer, length, buffer.length - length)) >= 0; ) {
            length += n;
            if (length > maxPageBytes) {
                throw new PageTooLargeException("over the page limit");
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(maxPageBytes + 1L, buffer.length * 2L));
            }
        }
        return Arrays.copyOf(buffer, length);
    }
}
