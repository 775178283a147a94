package dev.starshop.telegram.webhook;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code webhook-max-in-flight=2} and two updates held in flight, a third is answered 503 at
 * once, with Retry-After and nothing stored; delivered again once the others are done, it is 200.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.group-commit.lanes", value = "1")
@Property(name = "starshop.telegram.webhook-max-in-flight", value = "2")
class WebhookAdmissionTest extends HeldLaneTestBase {

    @Test
    void anUpdateBeyondTheLimitIsTurnedAwayUntouchedAndLandsWhenDeliveredAgain() throws Exception {
        long held = NEXT_UPDATE.incrementAndGet();
        long extra = NEXT_UPDATE.incrementAndGet();
        double turnedAwayBefore = turnedAway();
        List<Api.Reply> refused = new ArrayList<>();

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> {
            Future<Integer> waiting = post(message(held)); // the blocker plus this one: two in flight
            Eventually.until(() -> waiting() == 1);
            refused.add(deliver(message(extra)));
            return List.of(waiting);
        });

        assertEquals(List.of(200), statuses(answers));
        Api.Reply turnedAway = refused.get(0);
        assertEquals(503, turnedAway.status());
        assertEquals("busy", turnedAway.code());
        assertEquals("1", turnedAway.header("Retry-After"));
        assertEquals(turnedAwayBefore + 1, turnedAway());
        Db db = new Db(dataSource);
        assertEquals(0, db.count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", extra),
                "nothing of the turned-away update was stored");

        assertEquals(200, deliver(message(extra)).status(), "Telegram's next delivery");
        assertEquals(1, db.count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", extra));
    }

    private Api.Reply deliver(String update) {
        return new Api(http).send(HttpRequest.POST("/telegram/webhook", update)
                .contentType("application/json").header(WebhookSecret.HEADER, WebhookIntakeTest.SECRET));
    }

    private double turnedAway() {
        return meters.counter("starshop.webhook.turned.away").count();
    }
}
