package dev.starshop.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of a Linux process's live threads so far, summed by kind of thread (the name without its
 * numbers: {@code C2 CompilerThread0} and {@code 1} are one kind), from {@code /proc/<pid>/task/*}/stat.
 * The difference of two readings says which threads a measured window's CPU went to: the request
 * threads, Netty's event loops, the JIT compilers, the garbage collector. A thread that ended between
 * the readings is missing from the second (the process total, {@link CpuTime}, still counts it).
 */
final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, as in CpuTime

    private final Map<String, Double> secondsByKind;

    private ThreadCpu(Map<String, Double> secondsByKind) {
        this.secondsByKind = secondsByKind;
    }

    static ThreadCpu of(long pid) {
        Map<String, Double> byKind = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                read(task.resolve("stat"), byKind);
            }
        } catch (IOException e) {
            throw new IllegalStateException("No /proc tasks for " + pid, e);
        }
        return new ThreadCpu(byKind);
    }

    /** A thread that ends while the directory is read has no stat left: it is skipped. */
    private static void read(Path stat, Map<String, Double> byKind) {
        try {
            String line = Files.readString(stat);
            String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            byKind.merge(kind(name), seconds, Double::sum);
        } catch (IOException ended) {
            // gone
        }
    }

    /** "C2 CompilerThre" (names are cut at 15 characters), "GC Thread#1" → "C2 CompilerThre", "GC Thread". */
    private static String kind(String name) {
        return name.replaceAll("[\\d#-]+$", "").strip();
    }

    /** The JIT compiler threads' ({@code C1/C2 CompilerThread*}) share of all the CPU since {@code before}, 0–1. */
    double compilerShareSince(ThreadCpu before) {
        double total = 0;
        double compilers = 0;
        for (Map.Entry<String, Double> entry : secondsByKind.entrySet()) {
            double spent = entry.getValue() - before.secondsByKind.getOrDefault(entry.getKey(), 0.0);
            total += spent;
            if (entry.getKey().contains("CompilerThre")) {
                compilers += spent;
            }
        }
        return total <= 0 ? 0 : compilers / total;
    }

    /**
     * Milliseconds per item since {@code before}, largest first, kinds under 1 % of the total left out:
     * e.g. {@code io-executor-thr 2.10, default-eventLo 1.20, C2 CompilerThre 0.80}.
     */
    String millisPerItemSince(ThreadCpu before, long items) {
        Map<String, Double> spent = new TreeMap<>();
        secondsByKind.forEach((kind, seconds) ->
                spent.put(kind, seconds - before.secondsByKind.getOrDefault(kind, 0.0)));
        double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        return spent.entrySet().stream()
                .filter(entry -> entry.getValue() >= 0.01 * total)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), 1000 * entry.getValue() / items))
                .collect(Collectors.joining(", "));
    }
}
