package dev.starshop.bench;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one benchmark measured: rows of named figures, printed as a table and written to
 * {@code target/bench/<name>.json} together with the JVM and machine they came from. Each row
 * should carry its baseline and the ratio, which is the headline on a shared, noisy machine.
 */
public final class BenchReport {

    private final String name;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();

    public BenchReport(String name) {
        this.name = name;
    }

    /** Adds a row; keys keep their order and become the table's columns. */
    public BenchReport row(Map<String, Object> figures) {
        rows.add(new LinkedHashMap<>(figures));
        return this;
    }

    public BenchReport note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    /** Prints the table to standard output and writes the JSON file; returns its path. */
    public Path publish() {
        System.out.println(table());
        Path file = Path.of("target", "bench", name + "-java" + Runtime.version().feature() + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("written " + file);
        return file;
    }

    String table() {
        List<String> columns = rows.stream().flatMap(r -> r.keySet().stream()).distinct().toList();
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (String column : columns) {
            int width = column.length();
            for (Map<String, Object> row : rows) {
                width = Math.max(width, format(row.get(column)).length());
            }
            widths.put(column, width);
        }
        StringBuilder out = new StringBuilder("\n== " + name + " (Java " + Runtime.version().feature()
                + ", " + Runtime.getRuntime().availableProcessors() + " cores)\n");
        columns.forEach(c -> out.append(pad(c, widths.get(c))).append("  "));
        out.append('\n');
        for (Map<String, Object> row : rows) {
            columns.forEach(c -> out.append(pad(format(row.get(c)), widths.get(c))).append("  "));
            out.append('\n');
        }
        notes.forEach((k, v) -> out.append(k).append(": ").append(format(v)).append('\n'));
        return out.toString();
    }

    String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", name);
        document.put("measuredAt", Instant.now().toString());
        document.put("java", Runtime.version().toString());
        document.put("javaVendor", System.getProperty("java.vendor"));
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("notes", notes);
        document.put("rows", rows);
        try {
            return JsonMapper.createDefault().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.0f" : "%.2f", d);
        }
        return value == null ? "" : value.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
