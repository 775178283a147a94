package dev.starshop.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code postmaster.pid} left behind names a number; only the PostgreSQL of this very data
 * directory may be signalled through it, never whatever process has that number now.
 */
class StalePostmasterTest {

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopFakes() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void anUnrelatedProcessWithThePidIsLeftAlone() throws Exception {
        Path dataDir = dataDir();
        Process unrelated = start(List.of("sleep", "60"));
        writePidFile(dataDir, unrelated.pid());

        StalePostmaster.stopIfRunning(dataDir);

        assertAlive(unrelated);
    }

    @Test
    void aPostgresOfAnotherDataDirectoryIsLeftAlone() throws Exception {
        Path dataDir = dataDir();
        Path other = Files.createDirectories(home.resolve("other-pgdata"));
        Process foreign = start(fakePostgres(other));
        writePidFile(dataDir, foreign.pid());

        StalePostmaster.stopIfRunning(dataDir);

        assertAlive(foreign);
    }

    @Test
    void thePostgresOfThisDataDirectoryIsStopped() throws Exception {
        Path dataDir = dataDir();
        Process orphan = start(fakePostgres(dataDir));
        writePidFile(dataDir, orphan.pid());

        StalePostmaster.stopIfRunning(dataDir);

        assertFalse(orphan.isAlive(), "the orphaned postmaster of this directory was stopped");
    }

    private Path dataDir() throws IOException {
        return Files.createDirectories(home.resolve("pgdata"));
    }

    /** A shell under the name postgres, started as pg_ctl starts the server: {@code postgres -D <dir>}. */
    private List<String> fakePostgres(Path dataDir) throws IOException {
        Path program = Files.createDirectories(home.resolve("bin")).resolve("postgres");
        Files.copy(Path.of("/bin/sh"), program, StandardCopyOption.REPLACE_EXISTING);
        // sh takes what follows the script as $0, $1: "-D" and the directory are just arguments to it.
        return List.of(program.toString(), "-c", "sleep 60; :", "-D", dataDir.toString());
    }

    private Process start(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        // Until exec has happened, /proc still shows the JVM's fork.
        for (int i = 0; i < 100 && !Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                .startsWith(command.get(0)); i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return process;
    }

    private static void writePidFile(Path dataDir, long pid) throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dataDir + "\n");
    }

    private static void assertAlive(Process process) throws InterruptedException {
        assertFalse(process.waitFor(300, TimeUnit.MILLISECONDS), "pid " + process.pid() + " was not signalled");
        assertTrue(process.isAlive());
    }
}
