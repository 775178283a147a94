package dev.starshop.telegram.outbox;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.updates.OutboxNudge;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engine stopped while its outbox is sending. Telegram is a second application context (the
 * emulator), so stopping the engine does not stop Telegram; it holds each sendMessage answer, so
 * the engine is stopped with a call on the wire and more of its batch claimed behind it. Both share
 * the test JVM's PostgreSQL, where the rows are read afterwards.
 */
class OutboxShutdownTest {

    private static final long ALICE = 100001;
    /** Neither timer may send our rows: only the nudge below does. */
    private static final String NO_TIMER = "1h";

    private EmbeddedServer telegram;
    private SandboxTelegram emulator;
    private Db db;
    private final String tag = "outbox-shutdown-" + UUID.randomUUID();

    @BeforeEach
    void startTelegram() {
        telegram = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "starshop.telegram.setup", false, "starshop.telegram.outbox-interval", NO_TIMER), "test");
        emulator = telegram.getApplicationContext().getBean(SandboxTelegram.class);
        db = new Db(telegram.getApplicationContext().getBean(DataSource.class));
    }

    /** Our rows left PENDING must not be sent by the next test's engine (they share the database). */
    @AfterEach
    void stopTelegram() {
        db.update("DELETE FROM bot_outbox WHERE dedupe_key LIKE ?", tag + "-%");
        telegram.close();
    }

    @Test
    void theCallInFlightIsRecordedAndTheRestOfTheBatchIsDueAgain() {
        EmbeddedServer engine = engine("5s");
        List<String> keys = enqueue(4);
        emulator.faults().holdAnswers("sendMessage", 100, 1500);

        engine.getApplicationContext().getBean(OutboxNudge.class).nudge();
        Eventually.until(() -> !delivered().isEmpty());
        engine.close();

        Map<String, String> rows = rows();
        assertFalse(rows.containsValue("SENDING"), rows::toString);
        assertEquals(delivered(), keysWith(rows, "SENT"), "what reached Telegram, and only that, is SENT: " + rows);
        Set<String> pending = keysWith(rows, "PENDING");
        assertFalse(pending.isEmpty(), "the engine stopped mid-batch: " + rows);
        pending.forEach(key -> assertEquals(0, attempts(key), key + " was never called: its claim is not counted"));
        assertEquals(keys.size(), rows.size());
    }

    @Test
    void aCallThatOutlivesTheWaitIsNeverRepeatedAndTheRestIsDueAgain() {
        EmbeddedServer engine = engine("1s");
        enqueue(3);
        emulator.faults().holdAnswers("sendMessage", 100, 4000);

        engine.getApplicationContext().getBean(OutboxNudge.class).nudge();
        Eventually.until(() -> !delivered().isEmpty());
        engine.close();

        Map<String, String> rows = rows();
        String onTheWire = delivered().iterator().next();
        assertFalse(rows.containsValue("SENDING"), rows::toString);
        assertTrue(Set.of("UNKNOWN", "SENT").contains(rows.get(onTheWire)), rows::toString);
        rows.remove(onTheWire);
        assertEquals(Set.of("PENDING"), Set.copyOf(rows.values()), rows::toString);
    }

    /** An engine with a bot token, calling the emulator as its Bot API. */
    private EmbeddedServer engine(String shutdownWait) {
        String token = telegram.getApplicationContext().getBean(BotCredentials.class).token();
        return ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "starshop.telegram.bot-token", token, "starshop.telegram.api-url", telegram.getURL() + "/sandbox",
                "starshop.telegram.setup", false, "starshop.telegram.outbox-interval", NO_TIMER,
                "starshop.telegram.outbox-shutdown-wait", shutdownWait), "test");
    }

    /** What a commit leaves behind: messages due now. */
    private List<String> enqueue(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = tag + "-" + i;
            db.update("INSERT INTO bot_outbox (dedupe_key, method, payload, created_at, next_attempt_at) VALUES "
                    + "(?, 'sendMessage', jsonb_build_object('chat_id', ?::bigint, 'text', ?::text), now(), now())",
                    key, ALICE, key);
            keys.add(key);
        }
        return keys;
    }

    /** The keys of our messages that reached Telegram's chat (the text is the key). */
    private Set<String> delivered() {
        return emulator.messages(ALICE).stream().map(m -> String.valueOf(m.get("text")))
                .filter(text -> text.startsWith(tag)).collect(Collectors.toSet());
    }

    private Map<String, String> rows() {
        Map<String, String> rows = new TreeMap<>();
        for (int i = 0; ; i++) {
            String status = db.text("SELECT status FROM bot_outbox WHERE dedupe_key = ?", tag + "-" + i);
            if (status == null) {
                return rows;
            }
            rows.put(tag + "-" + i, status);
        }
    }

    private long attempts(String key) {
        return db.count("SELECT attempts FROM bot_outbox WHERE dedupe_key = ?", key);
    }

    private static Set<String> keysWith(Map<String, String> rows, String status) {
        return rows.entrySet().stream().filter(e -> e.getValue().equals(status)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
