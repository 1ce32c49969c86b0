package io.newsflow.extract.charset;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Strict UTF-8 validation (the sequences Java's decoder accepts without a replacement character), with no decoding. */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /**
     * The UTF-16 length of {@code bytes} when they are valid UTF-8 throughout (no overlong forms, no surrogates, nothing
     * above U+10FFFF, no sequence cut off at the end), else -1.
     */
    static int validLength(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        int length = 0;
        while (i < n) {
            // Markup is mostly ASCII: sixteen, then eight bytes at a time while none has its high bit set.
            if (i + 16 <= n && (((long) LONGS.get(bytes, i) | (long) LONGS.get(bytes, i + 8)) & HIGH_BITS) == 0) {
                i += 16;
                length += 16;
                continue;
            }
            if (i + 8 <= n && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                length += 8;
                continue;
            }
            int b1 = bytes[i];
            if (b1 >= 0) {
                i++;
                length++;
                continue;
            }
            b1 &= 0xFF;
            if (b1 >= 0xC2 && b1 <= 0xDF) {
                if (i + 1 >= n || !continuation(bytes[i + 1])) {
                    return -1;
                }
                i += 2;
                length++;
            } else if (b1 >= 0xE0 && b1 <= 0xEF) {
                if (i + 2 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
                    return -1;
                }
                int b2 = bytes[i + 1] & 0xFF;
                if (b1 == 0xE0 && b2 < 0xA0 || b1 == 0xED && b2 > 0x9F) {
                    return -1;
                }
                i += 3;
                length++;
            } else if (b1 >= 0xF0 && b1 <= 0xF4) {
                if (i + 3 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])
                        || !continuation(bytes[i + 3])) {
                    return -1;
                }
                int b2 = bytes[i + 1] & 0xFF;
                if (b1 == 0xF0 && b2 < 0x90 || b1 == 0xF4 && b2 > 0x8F) {
                    return -1;
                }
                i += 4;
                length += 2;
            } else {
                return -1;
            }
        }
        return length;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
