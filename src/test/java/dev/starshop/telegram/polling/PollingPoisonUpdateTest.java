package dev.starshop.telegram.polling;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.PollingTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long polling and an update that fails every time: it is parked after max-attempts, the offset
 * moves past it, and the update behind it is answered. Two realistic poisons: a payment whose charge
 * id is a JSON boolean (refused before anything is read) and a payment of 0 Stars (refused by the
 * checkout handler inside the update's transaction, which rolls back).
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.telegram.updates", value = "polling")
@Property(name = "starshop.telegram.polling-timeout", value = "1s")
@Property(name = "starshop.telegram.polling.max-attempts", value = "3")
@Property(name = "starshop.telegram.polling.retry-pause", value = "100ms")
class PollingPoisonUpdateTest extends PollingTestBase {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void anUpdateThatAlwaysFailsIsParkedAndTheUpdateAfterItIsAnswered() {
        Eventually.until(poller::isLeader);
        Db db = new Db(dataSource);
        long ledgerBefore = db.count("SELECT count(*) FROM ledger_transactions");
        String charge = "stxPOISON" + UUID.randomUUID().toString().substring(0, 8);

        long wrongType = telegram.postMessageAsUser(BOB, "successful_payment", payment(true, 5));
        long zeroStars = telegram.postMessageAsUser(BOB, "successful_payment", payment(charge, 0));
        long command = telegram.sendAsUser(BOB, "/paysupport");

        Eventually.until(() -> db.count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", command) == 1);
        Eventually.until(() -> db.count("SELECT max(next_offset) FROM telegram_polling_offset") > command);
        for (long parked : List.of(wrongType, zeroStars)) {
            assertEquals(3, db.count("SELECT attempts FROM parked_updates WHERE update_id = ?", parked));
            assertEquals("POLLING|message|malformed-request", db.text(
                    "SELECT source || '|' || kind || '|' || problem FROM parked_updates WHERE update_id = ?", parked));
            assertEquals(0, db.count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", parked));
        }
        assertTrue(db.text("SELECT convert_from(payload, 'UTF8') FROM parked_updates WHERE update_id = ?", wrongType)
                .contains("\"telegram_payment_charge_id\":true"), "the parked copy keeps the wrong type as sent");
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?", charge));
        assertEquals(ledgerBefore, db.count("SELECT count(*) FROM ledger_transactions"));

        List<Map<String, Object>> listed = parkedListed();
        assertTrue(listed.stream().anyMatch(p -> ((Number) p.get("updateId")).longValue() == wrongType
                && "POLLING".equals(p.get("source")) && Boolean.FALSE.equals(p.get("processed"))
                && String.valueOf(p.get("reason")).contains("telegram_payment_charge_id must be a JSON string")),
                () -> "not listed for operators: " + listed);
        assertTrue(listed.stream().anyMatch(p -> ((Number) p.get("updateId")).longValue() == zeroStars));
    }

    private static Map<String, Object> payment(Object chargeId, long totalAmount) {
        return Map.of("currency", "XTR", "total_amount", totalAmount, "invoice_payload", "not-an-order",
                "telegram_payment_charge_id", chargeId, "provider_payment_charge_id", "");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parkedListed() {
        Api.Reply reply = new Api(http).admin(HttpRequest.GET("/api/admin/updates/parked"));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return (List<Map<String, Object>>) reply.json().get("parked");
    }
}
