package dev.starshop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's {@code -Xlog:gc} file, read for heap figures. Every collection logs the heap before
 * and after it ({@code 120M->18M(256M)}): the largest "before" is the peak heap the JVM actually
 * used, the largest "after" is the most that was still live. Reading from a mark (the file's size
 * when a phase began) limits the figures to that phase.
 */
public final class GcLog {

    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Path file;

    public GcLog(Path file) {
        this.file = file;
    }

    /** The JVM option that writes this log. */
    public String jvmOption() {
        return "-Xlog:gc:file=" + file.toAbsolutePath();
    }

    /** Where the log ends now: figures for a phase are read from here on. */
    public long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap figures of the collections logged since {@code mark}. */
    public Heap since(long mark) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = new String(bytes, (int) Math.min(mark, bytes.length), (int) Math.max(0, bytes.length - mark),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long before = 0;
        long after = 0;
        int collections = 0;
        Matcher matcher = HEAP.matcher(text);
        while (matcher.find()) {
            collections++;
            before = Math.max(before, bytes(matcher.group(1), matcher.group(2)));
            after = Math.max(after, bytes(matcher.group(3), matcher.group(4)));
        }
        return new Heap(before, after, collections);
    }

    /** Peak heap in use (before a collection), the most that survived one, and how many ran. */
    public record Heap(long peakBytes, long maxLiveBytes, int collections) {

        public static Heap max(Heap a, Heap b) {
            return new Heap(Math.max(a.peakBytes, b.peakBytes), Math.max(a.maxLiveBytes, b.maxLiveBytes),
                    Math.max(a.collections, b.collections));
        }

        public double peakMb() {
            return peakBytes / 1048576.0;
        }

        public double maxLiveMb() {
            return maxLiveBytes / 1048576.0;
        }
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value * 1024;
            case "M" -> value * 1024 * 1024;
            default -> value * 1024 * 1024 * 1024;
        };
    }
}
