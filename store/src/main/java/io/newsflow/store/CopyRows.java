package io.newsflow.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Rows for one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, sent in one stream: far fewer
 * messages and no statement per row, which is what batched inserts of tens of thousands of child rows cost.
 */
final class CopyRows {

    private final String copy;
    private final StringBuilder rows = new StringBuilder(64 * 1024);
    private boolean rowStarted;
    private int count;

    /** Rows for {@code table (columns)}, e.g. {@code "mentions (article_id, ordinal)"}. */
    CopyRows(String tableAndColumns) {
        this.copy = "COPY " + tableAndColumns + " FROM STDIN";
    }

    /** Appends a field to the current row; null is SQL NULL. */
    CopyRows add(Object value) {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                case '\t' -> rows.append("\\t");
                default -> rows.append(c);
            }
        }
        return this;
    }

    /** Ends the current row. */
    void endRow() {
        rows.append('\n');
        rowStarted = false;
        count++;
    }

    /** Sends the rows on this connection, inside its open transaction; returns how many the server took. */
    long copyIn(Connection connection) throws SQLException {
        if (count == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot stream rows to " + copy + ": " + e.getMessage(), "08006", e);
        }
    }
}
