package io.newsflow.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class UrlListTest {

    @Test
    void urlsCommentsBlanksAndInvalidLinesWithTheirNumbers() {
        UrlList list = UrlList.parse(List.of(
                "\uFEFF# today's pages",
                "https://news.example.com/a",
                "",
                "   http://news.example.com/b?id=1   ",
                "ftp://news.example.com/c",
                "news.example.com/d",
                "https://news.example.com/bad path|x",
                "  # indented comment",
                "https://новости.example.рф/статья"));
        assertEquals(List.of(URI.create("https://news.example.com/a"), URI.create("http://news.example.com/b?id=1")),
                list.urls().subList(0, 2));
        assertEquals(List.of(5, 6, 7), list.problems().stream().map(UrlList.Problem::line).toList());
        assertEquals("line 5: not an http or https URL: ftp://news.example.com/c", list.problems().get(0).toString());
        assertEquals(URI.create("https://xn--b1amnebsh.example.xn--p1ai/статья"), list.urls().get(2));
    }
}
