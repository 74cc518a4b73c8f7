package dev.shuffify.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table with these columns.
     *
     * @param header the column titles
     */
    public Table(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this
     */
    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    /** @return the rows so far */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** @return the table as Markdown */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }
}
