package io.newsflow.extract;

import static io.newsflow.extract.charset.PageDecoder.startsWith;

/** Tells bytes that are no text at all (images, archives, PDFs, random data) from a page in any charset. */
final class Binary {

    private Binary() {
    }

    static boolean looksBinary(byte[] page) {
        if (startsWith(page, 0xFF, 0xFE) || startsWith(page, 0xFE, 0xFF)) {
            return false; // UTF-16 text has NUL bytes by design
        }
        if (startsWith(page, 0x25, 0x50, 0x44, 0x46) || startsWith(page, 0x50, 0x4B, 0x03, 0x04)
                || startsWith(page, 0x1F, 0x8B) || startsWith(page, 0x89, 0x50, 0x4E, 0x47)
                || startsWith(page, 0xFF, 0xD8, 0xFF) || startsWith(page, 0x47, 0x49, 0x46, 0x38)) {
            return true; // PDF, zip, gzip, PNG, JPEG, GIF
        }
        int control = 0;
        int n = Math.min(page.length, 8192);
        for (int i = 0; i < n; i++) {
            int b = page[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                control++;
            }
        }
        return control > n / 20;
    }
}
