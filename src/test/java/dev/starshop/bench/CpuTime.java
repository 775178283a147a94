package dev.starshop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a Linux process has used so far, all its threads (JIT and GC included), from
 * {@code /proc/<pid>/stat}. On a shared machine the wall time to start moves with everyone else's
 * load; the CPU time a start costs moves much less.
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux that runs these benchmarks

    private CpuTime() {
    }

    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("No /proc stat for " + pid, e);
        }
    }
}
