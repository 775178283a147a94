package dev.starshop.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.value.MapPropertyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.starshop.platform.EngineDatabase.connect;
import static dev.starshop.platform.EngineDatabase.messages;
import static dev.starshop.platform.EngineDatabase.port;
import static dev.starshop.platform.EngineDatabase.queryOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine started the production way ({@link HeadStartMicronaut}, as {@code Application.main} does):
 * its embedded PostgreSQL starts alongside Micronaut, the engine uses it and stops it once; a start
 * that cannot have the directory fails as before; an external database starts nothing.
 */
class EmbeddedPostgresHeadStartTest {

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
    void theServerStartedAlongsideServesTheEngineAndStopsWithIt() throws Exception {
        Path dataDir = home.resolve("pgdata");
        ListAppender<ILoggingEvent> log = capture();
        try {
            running = startTheProductionWay(dataDir);
        } finally {
            release(log);
        }
        // Taken over only when the head start read the same settings as the datasource's binding.
        assertTrue(lines(log).stream().anyMatch(line -> line.startsWith("Embedded PostgreSQL started alongside")),
                "the engine took over the server started alongside it: " + lines(log));
        assertEquals("1", queryOne(running, "SELECT 1"));
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        int port = port(running);

        running.close();

        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "postmaster.pid removed");
        assertFalse(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false),
                "postmaster " + postmasterPid + " exited");
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
            }
        }, "port " + port + " closed");
    }

    @Test
    void aDirectoryInUseFailsTheStartWithTheSameMessage() {
        Path dataDir = home.resolve("pgdata");
        running = startTheProductionWay(dataDir);

        Exception second = assertThrows(Exception.class, () -> startTheProductionWay(dataDir).close());

        assertTrue(messages(second).contains("in use by another Starshop engine"), messages(second));
        assertTrue(running.isRunning(), "the first engine keeps its database");
    }

    @Test
    void aConfiguredDatabaseStartsNothing() {
        Path dataDir = home.resolve("never");
        for (String key : List.of("datasources.default.url", "datasources.default.jdbc-url")) {
            EmbeddedPostgresHeadStart.begin(new MapPropertyResolver(Map.of(key, "jdbc:postgresql://db.example:5432/shop",
                    "starshop.embedded-postgres.data-dir", dataDir.toString())));

            assertTrue(EmbeddedPostgresHeadStart.claim(settings(dataDir), dataDir).isEmpty(), key);
            assertFalse(Files.exists(dataDir), "nothing created for " + key);
        }
    }

    private static EmbeddedPostgresSettings settings(Path dataDir) {
        return new EmbeddedPostgresSettings(dataDir, null, false, true);
    }

    /** As Application.main builds it, without waiting for the server to stop (Micronaut.start would). */
    private static ApplicationContext startTheProductionWay(Path dataDir) {
        return new HeadStartMicronaut()
                .properties(Map.of(
                        "starshop.embedded-postgres.data-dir", dataDir.toString(),
                        "starshop.embedded-postgres.ephemeral", false,
                        "starshop.embedded-postgres.durable", false,
                        "micronaut.server.port", -1))
                .build()
                .start();
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(EmbeddedPostgresHeadStart.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(EmbeddedPostgresHeadStart.class)).detachAppender(appender);
    }

    private static List<String> lines(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

}
