package dev.starshop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The engine's platform threads by name (digits dropped), from {@code jcmd <pid> Thread.print} of the
 * engine's own JDK: shows which executor served blocking requests (a pool of "io-executor-thread"s,
 * or a few ForkJoinPool carriers of virtual threads).
 */
public final class ThreadCensus {

    private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\"", Pattern.MULTILINE);

    private ThreadCensus() {
    }

    /** Counts per thread-name family, largest first, e.g. {@code io-executor-thread-#=33, ...}. */
    public static String of(Path javaHome, long pid) {
        try {
            Process process = new ProcessBuilder(List.of(javaHome.resolve("bin/jcmd").toString(),
                    Long.toString(pid), "Thread.print")).redirectErrorStream(true).start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Map<String, Integer> families = new TreeMap<>();
            Matcher matcher = THREAD.matcher(dump);
            while (matcher.find()) {
                families.merge(matcher.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
            }
            int carrying = dump.split("Carrying virtual thread", -1).length - 1;
            return families.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(6)
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")) + (carrying > 0 ? ", carrying virtual threads=" + carrying : "");
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
