package dev.starshop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDK to run the engine on. Benchmarks start the engine as a separate process, so one benchmark
 * run can measure it on several JDKs: the system property {@code bench.jdks} lists them by feature
 * version (default {@code 17,25}: the machine's JDK 17 and Temurin 25, whose blocking executor uses
 * virtual threads). A JDK that is not installed is skipped with a message.
 */
public record EngineJdk(String label, Path home) {

    private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    public static List<EngineJdk> selected() {
        List<EngineJdk> jdks = new ArrayList<>();
        for (String version : System.getProperty("bench.jdks", "17,25").split(",")) {
            EngineJdk jdk = of(version.trim());
            if (Files.isExecutable(jdk.home().resolve("bin/java"))) {
                jdks.add(jdk);
            } else {
                System.out.println("skipping JDK " + version + ": no " + jdk.home().resolve("bin/java"));
            }
        }
        return jdks;
    }

    /** Java 25 and later have the JDK's AOT cache (JEP 483/514), which the launcher uses instead of a dynamic CDS archive. */
    public boolean hasAotCache() {
        return Integer.parseInt(label.substring(label.indexOf(' ') + 1)) >= 25;
    }

    static EngineJdk of(String version) {
        Path current = Path.of(System.getProperty("java.home"));
        if (version.equals(Integer.toString(Runtime.version().feature()))) {
            return new EngineJdk("java " + version, current);
        }
        return switch (version) {
            case "17" -> new EngineJdk("java 17", JDK_17);
            case "25" -> new EngineJdk("java 25", TEMURIN_25);
            default -> new EngineJdk("java " + version, Path.of(System.getProperty("bench.jdk." + version, "/nonexistent")));
        };
    }
}
