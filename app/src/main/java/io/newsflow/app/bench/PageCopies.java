package io.newsflow.app.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.common.model.RawPage;

/**
 * Copies of a benchmark page under distinct URLs, so that each copy is a new article as real traffic would be,
 * not a new version of one article. A page that declares its own URL (the canonical link or {@code og:url}, which
 * {@link io.newsflow.ingest.PageFiles} took as the page URL) has every occurrence of that URL in its bytes
 * rewritten to the copy's URL, since the extractor names the article after the canonical URL; the text stays the
 * same, so every copy after the first is a near duplicate of it.
 */
record PageCopies(RawPage page, byte[] urlBytes, int[] urlOffsets) {

    /** The URL parameter that tells copies apart. */
    static final String COPY_PARAMETER = "newsflow-bench-copy";

    static PageCopies of(RawPage page) {
        byte[] url = page.url().getBytes(StandardCharsets.UTF_8);
        List<Integer> offsets = new ArrayList<>();
        byte[] content = page.content();
        for (int i = indexOf(content, url, 0); i >= 0; i = indexOf(content, url, i + url.length)) {
            offsets.add(i);
        }
        return new PageCopies(page, url, offsets.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Copy {@code label} of the page: its URL carries the label as a parameter, in the record and in the bytes. */
    RawPage copy(String label) {
        String url = page.url() + (page.url().contains("?") ? "&" : "?") + COPY_PARAMETER + "=" + label;
        if (urlOffsets.length == 0) {
            return new RawPage(url, page.fetchedAt(), page.contentType(), page.source(), page.content());
        }
        byte[] copyUrl = url.getBytes(StandardCharsets.UTF_8);
        byte[] content = page.content();
        byte[] copy = new byte[content.length + urlOffsets.length * (copyUrl.length - urlBytes.length)];
        int from = 0;
        int to = 0;
        for (int offset : urlOffsets) {
            System.arraycopy(content, from, copy, to, offset - from);
            to += offset - from;
            System.arraycopy(copyUrl, 0, copy, to, copyUrl.length);
            to += copyUrl.length;
            from = offset + urlBytes.length;
        }
        System.arraycopy(content, from, copy, to, content.length - from);
        return new RawPage(url, page.fetchedAt(), page.contentType(), page.source(), copy);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
