package dev.starshop.harness;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.StandalonePostgres;
import dev.starshop.support.TelegramUpdates;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Telegram waits only 10 s for the answer to a pre-checkout query. When the database is down the
 * engine cannot decide or record the query, so it refuses it at once (the buyer is not charged
 * and can pay again in a minute) and still answers the webhook 503 so nothing is acknowledged.
 */
class PreCheckoutDuringOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void aPreCheckoutDuringAnOutageIsRefusedAtOnceInTheBuyersLanguageAndNotAcknowledged() throws Exception {
        try (StandalonePostgres database = StandalonePostgres.start(dataDir, false);
             EmbeddedServer engine = engine(database)) {
            SandboxTelegram telegram = engine.getApplicationContext().getBean(SandboxTelegram.class);
            SandboxTelegram.OpenQuery english = telegram.openPreCheckoutQuery();
            SandboxTelegram.OpenQuery chinese = telegram.openPreCheckoutQuery();

            database.stop();
            assertEquals(StandalonePostgres.Reachability.REFUSES, database.probe(), "the outage has begun");
            int englishStatus = deliver(engine, 7_300_000_001L, english.id(), "en");
            int chineseStatus = deliver(engine, 7_300_000_002L, chinese.id(), "zh-hans");

            assertEquals(503, englishStatus, "not acknowledged: Telegram delivers it again");
            assertEquals(503, chineseStatus);
            assertFalse(english.answered().get(10, TimeUnit.SECONDS), "refused within Telegram's 10 s");
            assertEquals("The shop is briefly unavailable and you were not charged. Please try again in a minute.",
                    english.errorMessage().get(1, TimeUnit.SECONDS));
            assertEquals("商店暂时无法处理付款，您未被扣款。请一分钟后重试。", chinese.errorMessage().get(10, TimeUnit.SECONDS));
        }
    }

    private static int deliver(EmbeddedServer engine, long updateId, String queryId, String language) {
        String update = TelegramUpdates.preCheckoutQuery().updateId(updateId).queryId(queryId).buyer(7300001, "Ann")
                .language(language).currency("XTR").total(25).payload("00000000-0000-0000-0000-000000000000").json();
        return new RawHttp(engine.getURI()).send("POST", WebhookFuzz.PATH,
                Map.of("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret"), "application/json",
                update.getBytes(StandardCharsets.UTF_8)).status();
    }

    private static EmbeddedServer engine(StandalonePostgres database) {
        Map<String, Object> properties = new HashMap<>(database.engineProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.connection-timeout", 1500);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }
}
