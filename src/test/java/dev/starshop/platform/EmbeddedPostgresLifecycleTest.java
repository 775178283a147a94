package dev.starshop.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.starshop.platform.EngineDatabase.connect;
import static dev.starshop.platform.EngineDatabase.execute;
import static dev.starshop.platform.EngineDatabase.messages;
import static dev.starshop.platform.EngineDatabase.port;
import static dev.starshop.platform.EngineDatabase.queryOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's own embedded PostgreSQL on a persistent directory (not the shared test database):
 * data survives a restart, one directory serves one engine, and stopping leaves nothing running.
 */
class EmbeddedPostgresLifecycleTest {

    @TempDir
    Path home;

    private ApplicationContext running;

    @AfterEach
    void stopEngine() {
        if (running != null && running.isRunning()) {
            running.close();
        }
    }

    @Test
    void dataSurvivesRestartAndTheDirectoryBelongsToOneEngine() throws Exception {
        Path dataDir = home.resolve("pgdata");

        running = start(dataDir);
        execute(running, "CREATE TABLE survivor (note TEXT NOT NULL)");
        execute(running, "INSERT INTO survivor VALUES ('written before the restart')");

        Exception second = assertThrows(Exception.class, () -> start(dataDir).close());
        assertTrue(messages(second).contains("in use by another Starshop engine"), messages(second));

        long postmasterPid = postmasterPid(dataDir);
        int port = port(running);
        running.close();
        assertStopped(dataDir, postmasterPid, port);

        running = start(dataDir);
        assertEquals("written before the restart", queryOne(running, "SELECT note FROM survivor"));
    }

    private static ApplicationContext start(Path dataDir) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "starshop.embedded-postgres.data-dir", dataDir.toString(),
                "starshop.embedded-postgres.ephemeral", false,
                "starshop.embedded-postgres.durable", false,
                "micronaut.server.port", -1)).getApplicationContext();
    }

    private static void assertStopped(Path dataDir, long postmasterPid, int port) {
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "postmaster.pid removed");
        assertFalse(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false),
                "postmaster " + postmasterPid + " exited");
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
            }
        }, "port " + port + " closed");
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

}
