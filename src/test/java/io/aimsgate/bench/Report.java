package io.aimsgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one table a run prints (markdown), with the machine's load next to every row. */
final class Report {

    private record Row(String area, String measure, String result, String target, String load) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final History history = new History();

    /** The headline figures of this run, for docs/bench/history.csv and its chart. */
    History history() {
        return history;
    }

    void header(String line) {
        header.add(line);
        System.out.println("[bench] " + line);
    }

    void row(String area, String measure, String result, String target) {
        Row row = new Row(area, measure, result, target, Machine.load());
        rows.add(row);
        System.out.println("[bench] " + area + " | " + measure + " | " + result + " | " + target + " | load " + row.load);
    }

    void note(String note) {
        notes.add(note);
        System.out.println("[bench] note: " + note);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append('\n').append("| area | measure | result | target | load (1/5/15 min) |\n");
        text.append("|---|---|---|---|---|\n");
        for (Row row : rows) {
            text.append("| ").append(row.area).append(" | ").append(row.measure).append(" | ").append(row.result)
                    .append(" | ").append(row.target).append(" | ").append(row.load).append(" |\n");
        }
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
