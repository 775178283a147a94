package dev.starshop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size (VmRSS) of a Linux process. */
public final class Rss {

    private Rss() {
    }

    public static long bytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("No /proc status for " + pid, e);
        }
        throw new IllegalStateException("No VmRSS for " + pid);
    }

    public static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
