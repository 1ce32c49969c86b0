package io.newsflow.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** WARC records and files written by the tests themselves with jwarc's writer; HTTP messages built by hand. */
final class WarcFixture {

    static final String DATE = "2026-11-20T08:15:30Z";

    private WarcFixture() {
    }

    /** An HTTP/1.1 response as a crawler records it: status line, headers, blank line, body as sent. */
    static byte[] http(int status, String headers, byte[] body) {
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Other") + "\r\n" + headers
                + (headers.contains("Transfer-Encoding") ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static WarcResponse response(String url, byte[] http) {
        return new WarcResponse.Builder(url).date(Instant.parse(DATE)).body(MediaType.HTTP_RESPONSE, http).build();
    }

    static WarcResponse htmlResponse(String url, String contentType, byte[] body) {
        return response(url, http(200, contentType == null ? "" : "Content-Type: " + contentType + "\r\n", body));
    }

    static WarcRequest request(String url) {
        return new WarcRequest.Builder(url).date(Instant.parse(DATE)).body(MediaType.HTTP_REQUEST,
                "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    static WarcMetadata metadata(String url) {
        return new WarcMetadata.Builder().targetURI(url).date(Instant.parse(DATE))
                .fields(Map.of("outlink", List.of(url + "/next"))).build();
    }

    static Warcinfo warcinfo() {
        return new Warcinfo.Builder().date(Instant.parse(DATE)).filename("test.warc.gz")
                .fields(Map.of("software", List.of("newsflow tests"))).build();
    }

    static WarcRevisit revisit(String url) throws IOException {
        return new WarcRevisit.Builder(URI.create(url), URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
                .date(Instant.parse(DATE)).body(MediaType.HTTP_RESPONSE,
                        http(200, "Content-Type: text/html\r\n", new byte[0])).build();
    }

    static WarcResource resource(String url, String type, byte[] body) {
        return new WarcResource.Builder(URI.create(url)).date(Instant.parse(DATE)).body(MediaType.parse(type), body)
                .build();
    }

    /** Writes the records; with gzip each record is its own gzip member, as crawlers write them. */
    static Path write(Path file, List<? extends WarcRecord> records) throws IOException {
        WarcCompression compression = file.toString().endsWith(".gz") ? WarcCompression.GZIP : WarcCompression.NONE;
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), compression)) {
            for (WarcRecord record : records) {
                writer.write(record);
            }
        }
        return file;
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    /** A page of our own text, padded with paragraphs to {@code minBytes}. */
    static String page(String title, int minBytes) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>").append(title)
                .append("</title></head><body><h1>").append(title).append("</h1>");
        for (int i = 1; html.length() < minBytes; i++) {
            html.append("<p>Абзац ").append(i).append(": городской совет обсудил новый бюджет.</p>");
        }
        return html.append("</body></html>").toString();
    }
}
