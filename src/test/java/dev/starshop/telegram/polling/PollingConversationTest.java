package dev.starshop.telegram.polling;

import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.PollingTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without a webhook the engine long-polls: updates take the same inbox and get the same answers. */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.telegram.updates", value = "polling")
@Property(name = "starshop.telegram.polling-timeout", value = "1s")
class PollingConversationTest extends PollingTestBase {

    @Test
    void aCommandFetchedByGetUpdatesIsAnsweredOnceAndTheOffsetMovesOn() {
        Eventually.until(poller::isLeader);
        long updateId = telegram.sendAsUser(BOB, "/terms");

        Eventually.until(() -> telegram.messages(BOB).stream()
                .anyMatch(m -> String.valueOf(m.get("text")).contains("Subscriptions renew")));

        Db db = new Db(dataSource);
        assertEquals("POLLING", db.text("SELECT source FROM telegram_updates WHERE update_id = ?", updateId));
        Eventually.until(() -> db.count("SELECT max(next_offset) FROM telegram_polling_offset") > updateId);
    }
}
