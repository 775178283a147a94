package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;
import dev.starshop.events.OperatorAlerts;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator chat the bot cannot write to (Telegram: 400 chat not found) is reported in the admin
 * API, its alerts are kept waiting, and the engine does not keep calling.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.operator.chat-id", value = "-100777")
@Property(name = "starshop.operator.muted", value = "")
@Property(name = "starshop.operator.interval", value = "200ms")
@Property(name = "starshop.telegram.outbox-interval", value = "200ms")
class OperatorChatRefusedTest {

    @Inject
    OperatorAlerts alerts;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    SandboxTelegram telegram;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aRefusedChatIsReportedAndItsAlertsWait() {
        transactions.executeWrite(status -> {
            alerts.raise(AlertKind.CHARGEBACK, "refused-chat-test", Map.of("chargeId", "ch_refused", "amount", "40 ⭐"));
            return null;
        });
        Api api = new Api(http);

        Map<String, Object> status = Eventually.value(() -> Optional.of(api.admin(HttpRequest.GET("/api/admin/operator-chat")).json())
                .filter(s -> Boolean.FALSE.equals(s.get("writable"))));

        assertEquals(-100777L, ((Number) status.get("chatId")).longValue());
        assertTrue(String.valueOf(status.get("refusal")).contains("chat not found"), status.toString());
        Map<?, ?> counts = (Map<?, ?>) status.get("alerts");
        assertTrue(((Number) counts.get("WAITING")).longValue() >= 1, "the alert is kept: " + counts);
        long calls = telegram.calls().stream().filter(c -> c.method().equals("sendMessage") && c.status() == 400).count();
        assertEquals(1, calls, "one refused call, no loop");

        Map<String, Object> retried = api.admin(HttpRequest.POST("/api/admin/operator-chat/retry", "")).json();
        assertEquals(Boolean.FALSE, retried.get("writable"), "still refused until a message gets through");
    }
}
