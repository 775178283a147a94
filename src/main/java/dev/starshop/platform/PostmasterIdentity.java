package dev.starshop.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a process is the PostgreSQL server of a given data directory, judged from Linux's
 * {@code /proc}: its program is called {@code postgres} and its {@code -D} argument is that
 * directory (a relative one is resolved against the process's working directory).
 */
final class PostmasterIdentity {

    private static final Path PROC = Path.of("/proc");
    private static final String PROGRAM = "postgres";

    private PostmasterIdentity() {
    }

    /** Empty when {@code pid} is the postmaster of {@code dataDir}; otherwise the reason it is not (or cannot be told). */
    static Optional<String> whyNotServing(long pid, Path dataDir) {
        Path process = PROC.resolve(Long.toString(pid));
        List<String> arguments;
        try {
            arguments = arguments(Files.readAllBytes(process.resolve("cmdline")));
        } catch (IOException e) {
            return Optional.of("its command line cannot be read (" + e.getMessage() + ")");
        }
        if (arguments.isEmpty()) {
            return Optional.of("it has no command line (a kernel thread or a zombie)");
        }
        if (!isPostgresProgram(process, arguments.get(0))) {
            return Optional.of("it is not PostgreSQL (command line: " + String.join(" ", arguments) + ")");
        }
        Optional<String> served = dataDirectoryArgument(arguments);
        if (served.isEmpty()) {
            return Optional.of("it is a PostgreSQL without a -D argument");
        }
        Path servedDir = resolve(process, served.get());
        if (!sameDirectory(servedDir, dataDir)) {
            return Optional.of("it is the PostgreSQL of another data directory (" + servedDir + ")");
        }
        return Optional.empty();
    }

    private static List<String> arguments(byte[] cmdline) {
        String all = new String(cmdline, StandardCharsets.UTF_8);
        if (all.endsWith("\0")) {
            all = all.substring(0, all.length() - 1);
        }
        return all.isEmpty() ? List.of() : List.of(all.split("\0", -1));
    }

    /** argv[0] names it, or /proc/pid/exe does (argv[0] can be anything the parent chose). */
    private static boolean isPostgresProgram(Path process, String argv0) {
        if (fileName(argv0).equals(PROGRAM)) {
            return true;
        }
        try {
            return fileName(Files.readSymbolicLink(process.resolve("exe")).toString()).equals(PROGRAM);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Optional<String> dataDirectoryArgument(List<String> arguments) {
        for (int i = 1; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-D") && i + 1 < arguments.size()) {
                return Optional.of(arguments.get(i + 1));
            }
            if (argument.startsWith("-D") && argument.length() > 2) {
                return Optional.of(argument.substring(2));
            }
        }
        return Optional.empty();
    }

    private static Path resolve(Path process, String directory) {
        Path path = Path.of(directory);
        if (path.isAbsolute()) {
            return path;
        }
        try {
            return Files.readSymbolicLink(process.resolve("cwd")).resolve(path);
        } catch (IOException e) {
            return path.toAbsolutePath();
        }
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
