package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.model.RawPage;

class PageFilesTest {

    private final PageFiles files = new PageFiles("http://localhost/pages", 1024 * 1024);

    @Test
    void urlComesFromTheCanonicalLink(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("story.html");
        Files.writeString(page, "<html><head><meta property=\"og:url\" content=\"https://og.example.com/a\">"
                + "<link href=\"https://www.rbc.ru/politics/26/06/2021/60d6f?from=x&amp;a=1\" rel=\"canonical\"></head></html>");
        assertEquals("https://www.rbc.ru/politics/26/06/2021/60d6f?from=x&a=1", files.read(page, null).url());
    }

    @Test
    void urlFallsBackToOgUrlThenToTheFileName(@TempDir Path dir) throws IOException {
        Path og = dir.resolve("og.html");
        Files.writeString(og, "<head><META PROPERTY='og:url' CONTENT='https://og.example.com/a'></head>");
        assertEquals("https://og.example.com/a", files.read(og, null).url());
        Path plain = dir.resolve("новость 1.html.gz");
        gzip(plain, "<html><body><p>no url here</p></body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals("http://localhost/pages/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C%201.html",
                files.read(plain, null).url());
        assertEquals("https://given.example.com/x", files.read(plain, "https://given.example.com/x").url());
    }

    @Test
    void gzippedPagesAreReadDecompressedAndBytesAreKeptAsTheyAre(@TempDir Path dir) throws IOException {
        byte[] cp1251 = "<html><body><p>Посол России в США</p></body></html>".getBytes(Charset.forName("windows-1251"));
        Path page = dir.resolve("a.html.gz");
        gzip(page, cp1251);
        RawPage raw = files.read(page, null);
        assertArrayEquals(cp1251, raw.content(), "no re-encoding: the extractor decodes the charset");
        assertTrue(raw.source().startsWith("file:"));
        assertEquals(Files.getLastModifiedTime(page).toInstant().toString(), raw.fetchedAt());
    }

    @Test
    void aGzipBombIsStoppedAtTheLimit(@TempDir Path dir) throws IOException {
        Path bomb = dir.resolve("bomb.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
        }
        PageTooLargeException e = assertThrows(PageTooLargeException.class, () -> files.read(bomb, null));
        assertTrue(e.getMessage().contains("once decompressed"), e.getMessage());
    }

    @Test
    void directoriesAreWalkedInSortedOrderForPageFilesOnly(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.html"), "b");
        Files.writeString(dir.resolve("sub/a.htm"), "a");
        Files.writeString(dir.resolve("notes.txt"), "not a page");
        gzip(dir.resolve("c.html.gz"), "c".getBytes(StandardCharsets.UTF_8));
        List<Path> found = PageFiles.find(List.of(dir));
        assertEquals(List.of(dir.resolve("b.html"), dir.resolve("c.html.gz"), dir.resolve("sub/a.htm")), found);
        assertThrows(IOException.class, () -> PageFiles.find(List.of(dir.resolve("missing"))));
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
