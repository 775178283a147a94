package dev.starshop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a PostgreSQL server has used so far: its postmaster, every live backend and every
 * backend that has ended (the kernel adds an ended child's time to its parent's {@code cutime} and
 * {@code cstime}), from {@code /proc}. Other servers on the machine are not counted.
 */
final class ServerCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, as CpuTime

    private ServerCpu() {
    }

    /** The server whose data directory is {@code dataDir} (its postmaster.pid names the postmaster). */
    static double seconds(Path dataDir) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            long ticks = ticks(postmaster, true);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                ticks += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(p -> childTicks(Long.parseLong(p.getFileName().toString()), postmaster))
                        .sum();
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the CPU time of the server in " + dataDir, e);
        }
    }

    private static long childTicks(long pid, long parent) {
        String[] fields = fields(pid);
        return fields != null && Long.parseLong(fields[1]) == parent ? Long.parseLong(fields[11])
                + Long.parseLong(fields[12]) : 0;
    }

    private static long ticks(long pid, boolean withEndedChildren) {
        String[] fields = fields(pid);
        if (fields == null) {
            throw new IllegalStateException("No process " + pid);
        }
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    /** Fields from the state on (state is 0, ppid 1, utime 11, stime 12, cutime 13, cstime 14); null if gone. */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
