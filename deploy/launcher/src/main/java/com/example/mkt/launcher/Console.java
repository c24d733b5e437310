package com.example.mkt.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** All the launcher's output, so the wording and layout stay consistent. */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    void step(String message) {
        out.println("==> " + message);
        out.flush();
    }

    void line(String message) {
        out.println(message);
        out.flush();
    }

    /** Left-aligned columns, two spaces apart; the first row is the header. */
    void table(List<List<String>> rows) {
        for (String line : formatTable(rows)) {
            out.println(line);
        }
        out.flush();
    }

    static List<String> formatTable(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    static String megabytes(long kb) {
        return kb <= 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f", kb / 1024.0);
    }
}
