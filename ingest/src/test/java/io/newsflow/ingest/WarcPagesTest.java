package io.newsflow.ingest;

import static io.newsflow.ingest.WarcFixture.htmlResponse;
import static io.newsflow.ingest.WarcFixture.http;
import static io.newsflow.ingest.WarcFixture.response;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.model.RawPage;

class WarcPagesTest {

    private static final Charset CP1251 = Charset.forName("windows-1251");

    private final WarcPages warc = new WarcPages(64 * 1024);

    private List<WarcPages.Entry> read(Path file) throws IOException {
        List<WarcPages.Entry> entries = new ArrayList<>();
        warc.read(file, entries::add);
        return entries;
    }

    private static List<RawPage> pages(List<WarcPages.Entry> entries) {
        return entries.stream().filter(e -> e instanceof WarcPages.Page).map(e -> ((WarcPages.Page) e).page()).toList();
    }

    private static List<String> skipped(List<WarcPages.Entry> entries) {
        return entries.stream().filter(e -> e instanceof WarcPages.Skipped).map(e -> ((WarcPages.Skipped) e).reason())
                .toList();
    }

    @Test
    void aWindows1251ResponseBecomesAPageWithItsBytesUnchanged(@TempDir Path dir) throws IOException {
        byte[] body = WarcFixture.page("Посол России в США вызван в МИД", 2000).getBytes(CP1251);
        Path file = WarcFixture.write(dir.resolve("one.warc"), List.of(
                htmlResponse("https://news.example.ru/2026/11/20/posol", "text/html; charset=windows-1251", body)));

        List<WarcPages.Entry> entries = read(file);

        assertEquals(1, entries.size());
        RawPage page = pages(entries).get(0);
        assertEquals("https://news.example.ru/2026/11/20/posol", page.url());
        assertEquals("2026-11-20T08:15:30Z", page.fetchedAt());
        assertEquals("text/html; charset=windows-1251", page.contentType());
        assertArrayEquals(body, page.content(), "no re-encoding: the extractor decodes the charset");
        assertEquals("warc:" + file.toAbsolutePath() + "#0", page.source());
    }

    @Test
    void aGzippedWarcOfSeveralMembersGivesEveryPageWithItsMemberOffset(@TempDir Path dir) throws IOException {
        List<org.netpreserve.jwarc.WarcRecord> records = new ArrayList<>();
        records.add(WarcFixture.warcinfo());
        for (int i = 0; i < 5; i++) {
            records.add(htmlResponse("https://example.com/story/" + i, "text/html; charset=utf-8",
                    WarcFixture.page("Story " + i, 500).getBytes(StandardCharsets.UTF_8)));
        }
        Path file = WarcFixture.write(dir.resolve("crawl.warc.gz"), records);

        List<WarcPages.Entry> entries = read(file);

        assertEquals(List.of("warcinfo record"), skipped(entries));
        List<RawPage> pages = pages(entries);
        assertEquals(5, pages.size());
        byte[] bytes = Files.readAllBytes(file);
        long previous = -1;
        for (int i = 0; i < 5; i++) {
            assertEquals("https://example.com/story/" + i, pages.get(i).url());
            assertTrue(new String(pages.get(i).content(), StandardCharsets.UTF_8).contains("<h1>Story " + i + "</h1>"));
            long offset = entries.get(i + 1).offset();
            assertTrue(offset > previous, "one gzip member per record, in order");
            assertEquals((byte) 0x1f, bytes[(int) offset], "the offset is where the record's gzip member starts");
            assertEquals((byte) 0x8b, bytes[(int) offset + 1]);
            previous = offset;
        }
    }

    @Test
    void recordsWithoutAnHtmlPageAreSkippedWithTheirReason(@TempDir Path dir) throws IOException {
        String url = "https://example.com/a";
        Path file = WarcFixture.write(dir.resolve("mixed.warc.gz"), List.of(
                WarcFixture.warcinfo(),
                WarcFixture.request(url),
                htmlResponse(url, "text/html", "<html><body>ok</body></html>".getBytes(StandardCharsets.UTF_8)),
                WarcFixture.metadata(url),
                htmlResponse("https://example.com/logo.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}),
                response("https://example.com/gone", http(404, "Content-Type: text/html\r\n",
                        "<html>not found</html>".getBytes(StandardCharsets.UTF_8))),
                response("https://example.com/moved", http(301, "Location: https://example.com/a\r\n", new byte[0])),
                WarcFixture.revisit(url),
                WarcFixture.resource("https://example.com/data.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                htmlResponse("https://example.com/feed", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8))));

        List<WarcPages.Entry> entries = read(file);

        assertEquals(List.of(url), pages(entries).stream().map(RawPage::url).toList());
        assertEquals(List.of("warcinfo record", "request record", "metadata record", "response of image/png",
                "HTTP 404 response", "HTTP 301 response", "revisit record", "resource record of application/json",
                "response of application/rss+xml"), skipped(entries));
    }

    @Test
    void htmlWithoutAContentTypeIsSniffedAndXhtmlAndResourcesCount(@TempDir Path dir) throws IOException {
        Path file = WarcFixture.write(dir.resolve("sniff.warc"), List.of(
                htmlResponse("https://example.com/untyped", null,
                        "\uFEFF\n  <!DOCTYPE html><html><body>x</body></html>".getBytes(StandardCharsets.UTF_8)),
                htmlResponse("https://example.com/blob", null, new byte[]{0, 1, 2, 3}),
                htmlResponse("https://example.com/x", "application/xhtml+xml; charset=utf-8",
                        "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".getBytes(StandardCharsets.UTF_8)),
                WarcFixture.resource("https://example.com/saved", "text/html",
                        "<html><body>saved</body></html>".getBytes(StandardCharsets.UTF_8))));

        List<WarcPages.Entry> entries = read(file);

        List<RawPage> pages = pages(entries);
        assertEquals(List.of("https://example.com/untyped", "https://example.com/x", "https://example.com/saved"),
                pages.stream().map(RawPage::url).toList());
        assertEquals(null, pages.get(0).contentType(), "no content type is invented");
        assertEquals("text/html", pages.get(2).contentType());
        assertEquals(List.of("response without a content type that does not look like HTML"), skipped(entries));
    }

    @Test
    void transferAndContentEncodingsAreUndone(@TempDir Path dir) throws IOException {
        byte[] html = WarcFixture.page("Сжатая страница", 3000).getBytes(CP1251);
        byte[] chunked = "5\r\n<html\r\n7\r\n>chunks\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = WarcFixture.write(dir.resolve("encoded.warc.gz"), List.of(
                response("https://example.com/gz", http(200,
                        "Content-Type: text/html; charset=windows-1251\r\nContent-Encoding: gzip\r\n",
                        WarcFixture.gzip(html))),
                response("https://example.com/chunked", http(200,
                        "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked))));

        List<RawPage> pages = pages(read(file));

        assertArrayEquals(html, pages.get(0).content());
        assertEquals("<html>chunks", new String(pages.get(1).content(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aPageOverTheLimitIsRejectedWithItsReasonAlsoWhenGzipEncoded(@TempDir Path dir) throws IOException {
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) 'a');
        byte[] bigHtml = ("<html><body>" + new String(big, StandardCharsets.ISO_8859_1) + "</body></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] bomb = WarcFixture.gzip(new byte[50 * 1024 * 1024]);
        Path file = WarcFixture.write(dir.resolve("big.warc.gz"), List.of(
                htmlResponse("https://example.com/big", "text/html", bigHtml),
                response("https://example.com/bomb", http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                        bomb)),
                htmlResponse("https://example.com/small", "text/html", "<html>fine</html>".getBytes(StandardCharsets.UTF_8))));

        List<WarcPages.Entry> entries = read(file);

        assertEquals(3, entries.size());
        WarcPages.Rejected big1 = assertInstanceOf(WarcPages.Rejected.class, entries.get(0));
        assertEquals("https://example.com/big", big1.url());
        assertEquals(file + " at offset 0 (https://example.com/big): over the page limit of 65536 bytes "
                + "(raise it with --max-page-bytes)", big1.reason());
        WarcPages.Rejected bomb1 = assertInstanceOf(WarcPages.Rejected.class, entries.get(1));
        assertTrue(bomb1.reason().contains("over the page limit of 65536 bytes once decoded"), bomb1.reason());
        assertEquals(List.of("https://example.com/small"), pages(entries).stream().map(RawPage::url).toList(),
                "the reader goes on after a rejected page");
    }

    @Test
    void aTruncatedFileNamesFileRecordAndOffsetAndKeepsThePagesBeforeIt(@TempDir Path dir) throws IOException {
        for (String name : List.of("cut.warc.gz", "cut.warc")) {
            List<org.netpreserve.jwarc.WarcRecord> records = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                records.add(htmlResponse("https://example.com/" + i, "text/html",
                        WarcFixture.page("Page " + i, 4000).getBytes(StandardCharsets.UTF_8)));
            }
            Path whole = WarcFixture.write(dir.resolve("whole-" + name), records);
            List<WarcPages.Entry> complete = read(whole);
            long third = complete.get(2).offset();
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = dir.resolve(name);
            Files.write(cut, Arrays.copyOf(bytes, (int) (third + (bytes.length - third) / 2)));

            List<WarcPages.Entry> entries = new ArrayList<>();
            IOException e = assertThrows(IOException.class, () -> warc.read(cut, entries::add),
                    () -> name + " " + bytes.length + " " + third + " " + entries);

            assertEquals(List.of("https://example.com/0", "https://example.com/1"),
                    pages(entries).stream().map(RawPage::url).toList(), name);
            assertTrue(e.getMessage().startsWith(cut + ": truncated or corrupt WARC at record 3 ("), e.getMessage());
            // Either the third record's header was read (its offset) or the reader broke off just after the second.
            assertTrue(e.getMessage().contains("at offset " + third)
                    || e.getMessage().contains("after the record at offset " + complete.get(1).offset()), e.getMessage());
        }
    }

    @Test
    void aBrokenPageIsRejectedButASkippedRecordCutShortBreaksTheFile(@TempDir Path dir) throws IOException {
        Path file = WarcFixture.write(dir.resolve("tail.warc"), List.of(
                response("https://example.com/garbled", http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                        "not gzip at all".getBytes(StandardCharsets.ISO_8859_1))),
                htmlResponse("https://example.com/ok", "text/html", "<html>ok</html>".getBytes(StandardCharsets.UTF_8)),
                htmlResponse("https://example.com/photo.jpg", "image/jpeg", new byte[20_000])));
        List<WarcPages.Entry> complete = read(file);
        WarcPages.Rejected garbled = assertInstanceOf(WarcPages.Rejected.class, complete.get(0));
        assertTrue(garbled.reason().contains("cannot decode the HTTP body"), garbled.reason());
        assertEquals(List.of("response of image/jpeg"), skipped(complete));

        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5_000));
        List<WarcPages.Entry> entries = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> warc.read(file, entries::add));
        assertEquals(2, entries.size(), "the pages before the cut are kept");
        assertTrue(e.getMessage().contains("record 3 (at offset " + complete.get(2).offset() + ")"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAWarcIsReportedAtItsFirstRecord(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fake.warc");
        Files.writeString(file, "<html><body>not a warc</body></html>");
        IOException e = assertThrows(IOException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ": truncated or corrupt WARC at record 1 (at the start of the file)"),
                e.getMessage());
    }

    @Test
    void warcFilesAreFoundByNameAlsoInsideDirectories(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("crawl"));
        Files.writeString(dir.resolve("a.html"), "a");
        Files.writeString(dir.resolve("crawl/b.warc.gz"), "");
        Files.writeString(dir.resolve("crawl/c.WARC"), "");
        Files.writeString(dir.resolve("crawl/d.warc.cdx"), "");
        assertEquals(List.of(dir.resolve("a.html"), dir.resolve("crawl/b.warc.gz"), dir.resolve("crawl/c.WARC")),
                PageFiles.find(List.of(dir)));
        assertTrue(WarcPages.isWarcFile(Path.of("x.warc")));
        assertFalse(WarcPages.isWarcFile(Path.of("x.html.gz")));
    }
}
