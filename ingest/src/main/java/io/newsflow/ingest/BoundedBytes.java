package io.newsflow.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reads and gunzips bytes up to a limit, so that a huge file or a gzip bomb is refused instead of filling the heap. */
public final class BoundedBytes {

    private BoundedBytes() {
    }

    /** True when the bytes start with the gzip magic number. */
    public static boolean isGzip(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /**
     * Every byte of {@code in}, gunzipped first when {@code gzip}.
     *
     * @param what names the input in the error, e.g. a file or a URL
     * @throws PageTooLargeException when there are more than {@code limit} bytes (after decompression)
     */
    public static byte[] read(InputStream in, boolean gzip, int limit, String what) throws IOException {
        InputStream opened;
        try {
            opened = gzip ? new GZIPInputStream(in, 64 * 1024) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
        try (InputStream source = opened) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = source.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new PageTooLargeException(what + " is over the page limit of " + limit + " bytes"
                            + (gzip ? " once decompressed" : "") + " (raise it with --max-page-bytes)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** The gunzipped bytes, at most {@code limit} of them. */
    public static byte[] gunzip(byte[] gzipped, int limit, String what) throws IOException {
        return read(new ByteArrayInputStream(gzipped), true, limit, what);
    }
}
