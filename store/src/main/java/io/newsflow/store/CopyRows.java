package io.newsflow.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, sent in one stream: far fewer
 * messages and no statement per row, which is what batched inserts of tens of thousands of child rows cost.
 *
 * <p>The rows are kept as the UTF-8 bytes sent: each value is encoded once and escaped in bytes (the four escaped
 * characters are ASCII, which never occurs inside a multi-byte UTF-8 sequence). Building them as text, a character
 * at a time, and encoding the whole batch again was 40 % of the JVM's share of a write.
 */
final class CopyRows {

    private final String copy;
    private byte[] bytes = new byte[64 * 1024];
    private int length;
    private boolean rowStarted;
    private int count;

    /** Rows for {@code table (columns)}, e.g. {@code "mentions (article_id, ordinal)"}. */
    CopyRows(String tableAndColumns) {
        this.copy = "COPY " + tableAndColumns + " FROM STDIN";
    }

    /** Appends a field to the current row; null is SQL NULL. */
    CopyRows add(Object value) {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return this;
        }
        byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
        int run = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte c = utf8[i];
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                put(utf8, run, i);
                put((byte) '\\');
                put(c == '\\' ? (byte) '\\' : c == '\n' ? (byte) 'n' : c == '\r' ? (byte) 'r' : (byte) 't');
                run = i + 1;
            }
        }
        put(utf8, run, utf8.length);
        return this;
    }

    /** Appends an array field: a {@code {"a","b"}} literal, every element quoted (integers read the same way). */
    CopyRows addArray(List<?> values) {
        StringBuilder literal = new StringBuilder(values.size() * 16 + 2).append('{');
        for (Object value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return add(literal.append('}'));
    }

    /** Ends the current row. */
    void endRow() {
        put((byte) '\n');
        rowStarted = false;
        count++;
    }

    /** Sends the rows on this connection, inside its open transaction; returns how many the server took. */
    long copyIn(Connection connection) throws SQLException {
        if (count == 0) {
            return 0;
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            for (int from = 0; from < length; from += 1 << 20) {
                in.writeToCopy(bytes, from, Math.min(1 << 20, length - from));
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void put(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }

    private void put(byte[] from, int start, int end) {
        int n = end - start;
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
        System.arraycopy(from, start, bytes, length, n);
        length += n;
    }
}
