package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time the PostgreSQL server has used so far, all its processes: the postmaster, its live
 * children (backends, WAL writer, checkpointer…) and the children that have exited (their time is
 * added to the postmaster's {@code cutime}/{@code cstime} once reaped, as pgbench's backends are).
 * On a shared machine the wall time of a level moves with everyone else's load; the server's CPU
 * per update moves much less, and it is what the engine and pgbench ask of the same server.
 */
final class ServerCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, as in CpuTime

    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server's postmaster is the parent of any backend: asks one for its pid. */
    static ServerCpu of(StandalonePostgres postgres) throws SQLException {
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return new ServerCpu(Long.parseLong(stat(rows.getLong(1))[1]));
        }
    }

    double seconds() {
        long ticks = ticks(stat(postmaster), true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks += processes.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> pid != postmaster).map(ServerCpu::statOrNull)
                    .filter(fields -> fields != null && Long.parseLong(fields[1]) == postmaster)
                    .mapToLong(fields -> ticks(fields, true)).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * The same seconds by kind of process: client backends, each background process by its title
     * (walwriter, checkpointer, autovacuum worker…), the postmaster, and the children that exited.
     */
    Map<String, Double> secondsByKind() {
        Map<String, Double> kinds = new TreeMap<>();
        String[] own = stat(postmaster);
        kinds.put("postmaster", ticks(own, false) / TICKS_PER_SECOND);
        kinds.put("exited children", (Long.parseLong(own[13]) + Long.parseLong(own[14])) / TICKS_PER_SECOND);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> pid != postmaster).forEach(pid -> {
                        String[] fields = statOrNull(pid);
                        if (fields != null && Long.parseLong(fields[1]) == postmaster) {
                            kinds.merge(kindOf(pid), ticks(fields, true) / TICKS_PER_SECOND, Double::sum);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kinds;
    }

    /** "postgres: walwriter" → walwriter; "postgres: user db 127.0.0.1(…) idle" → client backend. */
    private static String kindOf(long pid) {
        try {
            String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
            if (title.isEmpty()) {
                return "exited";
            }
            String rest = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
            return rest.contains("(") || rest.contains("[local]") ? "client backend" : rest.replaceAll(" \\d.*", "");
        } catch (IOException gone) {
            return "exited";
        }
    }

    /** utime + stime, with the reaped children's cutime + cstime. */
    private static long ticks(String[] fields, boolean withChildren) {
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    /** The fields after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(long pid) {
        String[] fields = statOrNull(pid);
        if (fields == null) {
            throw new IllegalStateException("No /proc stat for " + pid);
        }
        return fields;
    }

    private static String[] statOrNull(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }
}
