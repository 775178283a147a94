package dev.starshop.backoffice.exports;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * LibreOffice Calc, headless, as the spreadsheet program that opens our XLSX files in a test. On a
 * developer machine without it the test is skipped with a message saying what to install; under CI
 * ({@code CI=true}) a missing LibreOffice is a failure, because {@code .ci/run} installs it
 * ({@code libreoffice-calc-nogui}). Each conversion runs with a user profile of its own, so parallel
 * runs never share LibreOffice's profile lock or its single-instance pipe.
 */
final class LibreOffice {

    private static final Logger LOG = LoggerFactory.getLogger(LibreOffice.class);

    /** A guard against a hung LibreOffice, not a timing assertion: a conversion takes seconds. */
    private static final long TIMEOUT_MINUTES = 5;

    private final Path soffice;

    private LibreOffice(Path soffice) {
        this.soffice = soffice;
    }

    /** The installed {@code soffice}: {@code -Dstarshop.test.soffice}, the PATH, or Debian's place. */
    static LibreOffice require() {
        Optional<Path> found = locate();
        String message = "No LibreOffice (soffice) found: install it (apt-get install -y --no-install-recommends "
                + "libreoffice-calc-nogui) or set -Dstarshop.test.soffice=/path/to/soffice";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            if (found.isEmpty()) {
                throw new IllegalStateException(message + " (CI must provide it: see .ci/run)");
            }
        } else {
            Assumptions.assumeTrue(found.isPresent(), "Spreadsheet test skipped. " + message);
        }
        return new LibreOffice(found.orElseThrow());
    }

    private static Optional<Path> locate() {
        String configured = System.getProperty("starshop.test.soffice");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "soffice"));
        return Stream.concat(onPath, Stream.of(Path.of("/usr/lib/libreoffice/program/soffice")))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Opens every file in one LibreOffice run (it is slow to start) and saves each as Flat ODS
     * ({@code <name>.fods} in {@code workDir/converted}), LibreOffice's own reading written out as XML.
     */
    List<Path> toFlatOds(List<Path> files, Path workDir) throws IOException, InterruptedException {
        Path out = Files.createDirectories(workDir.resolve("converted"));
        Path log = workDir.resolve("soffice.log");
        List<String> command = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + workDir.resolve("profile").toUri(),
                "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                "--convert-to", "fods", "--outdir", out.toString()));
        files.forEach(file -> command.add(file.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not finish within " + TIMEOUT_MINUTES + " min: "
                    + Files.readString(log));
        }
        LOG.info("LibreOffice opened {} files in {} ms (exit {})", files.size(),
                (System.nanoTime() - start) / 1_000_000, process.exitValue());
        List<Path> converted = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Path fods = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".fods");
            if (process.exitValue() != 0 || !Files.isRegularFile(fods)) {
                throw new IllegalStateException("LibreOffice (exit " + process.exitValue() + ") did not convert "
                        + name + ": " + Files.readString(log));
            }
            converted.add(fods);
        }
        return converted;
    }
}
