package dev.starshop.telegram.updates;

import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.PollingTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A successful_payment fetched by getUpdates is read once: the poller hands the inbox the bytes
 * Telegram sent for it, and only the inbox's decoder reads them.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.telegram.updates", value = "polling")
@Property(name = "starshop.telegram.polling-timeout", value = "1s")
class UpdateDecodedOncePollingTest extends PollingTestBase {

    @Inject
    UpdateDecoder decoder;

    @Test
    void aPolledSuccessfulPaymentIsDecodedOnce() {
        Eventually.until(poller::isLeader);
        Db db = new Db(dataSource);
        String charge = "stxPOLLONCE" + UUID.randomUUID().toString().substring(0, 8);
        long before = decoder.decodes();

        long updateId = telegram.postMessageAsUser(BOB, "successful_payment", Map.of("currency", "XTR",
                "total_amount", 5, "invoice_payload", "not-an-order", "telegram_payment_charge_id", charge,
                "provider_payment_charge_id", ""));

        Eventually.until(() -> db.count("SELECT max(next_offset) FROM telegram_polling_offset") > updateId);
        assertEquals(1, decoder.decodes() - before, "decodes for one polled update");
        assertEquals("PaymentSucceeded|POLLING", db.text("SELECT kind || '|' || source FROM telegram_updates"
                + " WHERE update_id = ?", updateId));
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?", charge));
    }
}
