package dev.starshop.harness;

import dev.starshop.support.Db;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts of every table of the engine's schema (Flyway's history excepted), read the way an
 * operator would. Taken before and after a batch of refused requests, they prove nothing was
 * written — including to tables added after this test was written.
 */
final class TableCounts {

    private TableCounts() {
    }

    static Map<String, Long> of(Db db) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(db)) {
            counts.put(table, db.count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private static List<String> tables(Db db) {
        String names = db.text("""
                SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                  AND table_name <> 'flyway_schema_history'""");
        return List.of(names.split(","));
    }

    /** The tables whose counts differ, as "table: before → after". */
    static Map<String, String> changes(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, count) -> {
            Long was = before.get(table);
            if (!count.equals(was)) {
                changed.put(table, was + " → " + count);
            }
        });
        return changed;
    }
}
