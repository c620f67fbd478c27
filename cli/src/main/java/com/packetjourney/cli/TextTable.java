package com.packetjourney.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A table for the terminal: a header row, then one row per item, each column as wide as its widest cell plus two
 * spaces, so no value runs into the next. Colour is applied after padding, so it never shifts a column.
 */
final class TextTable {
    private record Row(List<String> cells, int colouredColumn, UnaryOperator<String> colour) {
    }

    private final List<String> header;
    private final List<Row> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row whose cell in column {@code colouredColumn} is painted by {@code colour}. */
    TextTable row(int colouredColumn, UnaryOperator<String> colour, String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size());
        }
        List<String> row = new ArrayList<>();
        for (String c : cells) {
            row.add(c == null ? "-" : c);
        }
        rows.add(new Row(row, colouredColumn, colour));
        return this;
    }

    TextTable row(String... cells) {
        return row(-1, null, cells);
    }

    /** Each column's width: its widest cell, the header's included. */
    int[] widths() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
        }
        for (Row row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.cells().get(i).length());
            }
        }
        return widths;
    }

    /** The header and every row, each ending with a newline. */
    String render() {
        int[] widths = widths();
        StringBuilder out = new StringBuilder(headerLine(widths));
        rows.forEach(r -> out.append(line(r.cells(), widths, r.colouredColumn(), r.colour())));
        return out.toString();
    }

    String headerLine(int[] widths) {
        return line(header, widths, -2, Style::bold);
    }

    /**
     * One line of cells padded to {@code widths} (the last one is not padded); the cell of {@code colouredColumn}
     * is painted by {@code colour}, every cell when it is -2.
     */
    static String line(List<String> cells, int[] widths, int colouredColumn, UnaryOperator<String> colour) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "-" : cells.get(i);
            boolean painted = colour != null && (colouredColumn == -2 || colouredColumn == i);
            out.append(painted ? colour.apply(cell) : cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(Math.max(0, widths[i] - cell.length()) + 2));
            }
        }
        return out + "\n";
    }
}
