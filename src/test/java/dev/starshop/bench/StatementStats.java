package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * What reached the server during one run, statement by statement, from pg_stat_statements: calls,
 * plans and the server's planning and execution time per update, and the server's CPU per update by
 * kind of process (client backends, each background process, exited children). Turned on with
 * {@code -Dbench.pg-stat-statements=true} (the benchmark's PostgreSQL then preloads the extension);
 * printed to standard error, nothing is asserted.
 */
final class StatementStats {

    private static final int SHOWN = 30;

    private StatementStats() {
    }

    static boolean requested() {
        return Boolean.getBoolean("bench.pg-stat-statements");
    }

    private static Map<String, Double> cpuBefore = Map.of();

    static void reset(StandalonePostgres postgres) throws SQLException {
        if (!requested()) {
            return;
        }
        cpuBefore = ServerCpu.of(postgres).secondsByKind();
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    static void print(StandalonePostgres postgres, String title, int updates) throws SQLException {
        if (!requested()) {
            return;
        }
        StringBuilder out = new StringBuilder("== statements of " + title + " (per update: calls, plans, plan ms,"
                + " exec ms, rows; then the text)\n");
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT calls, plans, total_plan_time, total_exec_time, rows,"
                     + " regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements"
                     + " ORDER BY total_plan_time + total_exec_time DESC LIMIT " + SHOWN)) {
            double plan = 0;
            double exec = 0;
            while (rows.next()) {
                plan += rows.getDouble(3);
                exec += rows.getDouble(4);
                String text = rows.getString(6);
                out.append(String.format(Locale.ROOT, "%7.3f %7.3f %7.4f %7.4f %7.2f  %s%n",
                        rows.getLong(1) / (double) updates, rows.getLong(2) / (double) updates,
                        rows.getDouble(3) / updates, rows.getDouble(4) / updates, rows.getLong(5) / (double) updates,
                        text.substring(0, Math.min(text.length(), 160))));
            }
            out.append(String.format(Locale.ROOT, "   shown: plan %.4f ms, exec %.4f ms per update%n",
                    plan / updates, exec / updates));
        }
        ServerCpu.of(postgres).secondsByKind().forEach((kind, seconds) -> out.append(String.format(Locale.ROOT,
                "   server CPU ms/update, %s: %.3f%n", kind, (seconds - cpuBefore.getOrDefault(kind, 0.0)) * 1000 / updates)));
        out.append(tables(postgres));
        System.err.print(out);
    }

    /**
     * The statistics PostgreSQL plans with, table by table: rows, rows changed since the last ANALYZE,
     * how many ANALYZEs ran (by autovacuum, by hand) and how long ago the last one was. An ANALYZE of a
     * table invalidates every cached plan that reads it, in every backend.
     */
    static String tables(StandalonePostgres postgres) throws SQLException {
        if (!requested()) {
            return "";
        }
        StringBuilder out = new StringBuilder("   tables (rows, changed since analyze, autoanalyzes, analyzes,"
                + " s since last analyze):\n");
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT relname, n_live_tup, n_mod_since_analyze,"
                     + " autoanalyze_count, analyze_count, extract(epoch FROM now() - greatest(last_autoanalyze,"
                     + " last_analyze)) FROM pg_stat_user_tables WHERE n_live_tup + n_mod_since_analyze > 0"
                     + " ORDER BY n_live_tup DESC LIMIT 12")) {
            while (rows.next()) {
                double since = rows.getDouble(6);
                out.append(String.format(Locale.ROOT, "     %-24s %8d %8d %3d %3d %s%n", rows.getString(1),
                        rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                        rows.wasNull() ? "never" : String.format(Locale.ROOT, "%.0f", since)));
            }
        }
        return out.toString();
    }
}
