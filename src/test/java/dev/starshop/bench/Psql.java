package dev.starshop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The psql client (/usr/bin/psql) against a local server, for baselines measured next to the engine. */
public final class Psql {

    private final int port;

    public Psql(int port) {
        this.port = port;
    }

    /**
     * {@code \copy (select) to 'file' csv header}: PostgreSQL's own CSV writer streaming the same
     * query to a client-side file, the floor an export over JDBC can be compared with.
     */
    public void copyToCsv(String select, Path file) {
        String oneLine = select.replaceAll("\\s+", " ").trim();
        run("\\copy (" + oneLine + ") to '" + file.toAbsolutePath() + "' csv header");
    }

    /** Runs one command (SQL or a psql meta-command) and fails with psql's output if it fails. */
    public String run(String command) {
        List<String> arguments = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c", command));
        try {
            Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + output);
            }
            return output.trim();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run psql", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
