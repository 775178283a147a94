package dev.starshop.checkout;

import dev.starshop.ledger.Ledger;
import dev.starshop.order.OrderExpiry;
import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.MovableClock;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded property test of the payment invariants: random buyers, orders and Telegram payment
 * updates (duplicates, reordering, late and wrong payments, refunds, renewals, expiry) through the
 * real webhook, with the books and the orders checked in PostgreSQL after every step.
 *
 * <p>Bigger: {@code mvn -B -q test -Dtest=PaymentInvariantsTest -Dstarshop.invariants.steps=5000}.
 * Replay: add {@code -Dstarshop.invariants.seed=<the printed seed>}.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.orders.ttl", value = "20m")
class PaymentInvariantsTest {

    static final MovableClock CLOCK = new MovableClock();
    private static final int BUYERS = 4;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    OrderExpiry expiry;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @Test
    void randomPaymentUpdatesKeepTheLedgerAndTheOrdersInAgreement() {
        long seed = Long.getLong("starshop.invariants.seed", new SecureRandom().nextLong());
        int steps = Integer.getInteger("starshop.invariants.steps", 150);
        System.out.println("PaymentInvariantsTest: seed " + seed + ", " + steps + " steps "
                + "(replay with -Dstarshop.invariants.seed=" + seed + ")");
        // Ids unique to this run (the database is shared); the seed decides behaviour, not ids.
        long run = System.currentTimeMillis() % 1_000_000;
        List<Long> buyers = LongStream.range(0, BUYERS).map(i -> 7_000_000_000L + run * 10 + i).boxed().toList();
        String chargePrefix = "inv-" + run + "-";
        InvariantAudit audit = new InvariantAudit(dataSource, ledger, buyers, chargePrefix);
        PaymentScenario scenario = new PaymentScenario(seed, new Api(http), InitDataSigner.forToken(bot.token()),
                CLOCK, expiry, audit, new PaymentUpdates(run * 1_000_000_000L), chargePrefix, buyers);

        Deque<String> history = new ArrayDeque<>();
        for (int step = 1; step <= steps; step++) {
            String what = step(scenario, seed, step, history);
            remember(history, step + ": " + what);
            List<String> broken = audit.violations(scenario.paidCharges, scenario.refundedCharges);
            if (!broken.isEmpty()) {
                fail("seed " + seed + ", step " + step + " (" + what + ") broke the invariants:\n  "
                        + String.join("\n  ", broken) + "\nlast steps:\n  " + String.join("\n  ", history));
            }
        }
    }

    private static String step(PaymentScenario scenario, long seed, int step, Deque<String> history) {
        try {
            return scenario.step();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + ", step " + step + ": " + e.getMessage()
                    + "\nlast steps:\n  " + String.join("\n  ", history), e);
        }
    }

    private static void remember(Deque<String> history, String line) {
        history.addLast(line);
        if (history.size() > 25) {
            history.removeFirst();
        }
    }
}
