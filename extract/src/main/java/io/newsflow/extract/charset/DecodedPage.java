package io.newsflow.extract.charset;

import java.nio.charset.Charset;

/**
 * A page decoded to text, with the charset used and where that choice came from.
 *
 * @param text    the decoded characters, without any byte-order mark
 * @param charset the charset the bytes were decoded with
 * @param source  which evidence chose the charset
 */
public record DecodedPage(String text, Charset charset, Source source) {

    /** The evidence a charset was chosen on, strongest first. */
    public enum Source { BOM, HTTP, META, DETECTED, DEFAULT }
}
