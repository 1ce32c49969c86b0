package io.newsflow.extract.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** The {@code <meta charset>} scan finds the label the pattern's own find() finds. */
class MetaCharsetScanTest {

    private static final String[] PIECES = {"<meta", "<META", "<Meta", "<metadata", "<meta-x", " ", "\t", ">", "<",
        "charset", "CHARSET", "=", "\"", "'", "utf-8", "windows-1251", "content=\"text/html; ", "<p>", "x", "é",
        "<!-- <meta charset=koi8-r> -->", "http-equiv=content-type"};

    @Test
    void agreesWithFindOnRandomHeads() {
        Random random = new Random(3);
        for (int t = 0; t < 30_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(14); k >= 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String head = b.toString();
            Matcher m = PageDecoder.META_CHARSET.matcher(head);
            assertEquals(m.find() ? m.group(1) : null, PageDecoder.metaCharsetLabel(head), head);
        }
    }
}
