package dev.starshop.harness;

import dev.starshop.sandbox.CallLog;
import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Telegram misbehaving on the three calls money depends on — createInvoiceLink,
 * answerPreCheckoutQuery, refundStarPayment — with flood control (429, retry_after 1 s), server
 * errors (500) and timeouts (the emulator executes the call, then holds the answer past the
 * client's 2 s read timeout). Each case asserts what the buyer or the operator sees, and for
 * refunds both books: ours (the ledger) and Telegram's (the emulator's Stars history).
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.telegram.client.read-timeout", value = "2s")
@Property(name = "starshop.sandbox.pre-checkout-timeout", value = "3s")
class BotApiFaultsTest {

    private static final long ALICE = 100001;
    /** Longer than the client's read timeout: the client gives up while the call has taken effect. */
    private static final long HOLD_MILLIS = 4000;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    SandboxTelegram telegram;

    HarnessShop shop;
    String alice;

    @BeforeEach
    void openTheShop() {
        shop = new HarnessShop(new Api(http), bot.token());
        alice = shop.buyer(ALICE);
        // The engine registers its webhook before its menu button: once the button shows, updates flow.
        Eventually.until(() -> telegram.botSettings().get("menuButton") != null);
    }

    @Nested
    class CreateInvoiceLink {

        @Test
        void rateLimitedOnceTheOrderIsCreatedWithItsLinkAfterWaitingRetryAfter() {
            String sku = shop.product(5);
            int mark = telegram.calls().size();
            telegram.faults().rateLimit("createInvoiceLink", 1, 1);

            Api.Reply placed = shop.placeOrder(alice, sku);

            assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
            assertTrue(telegram.invoice((String) placed.json().get("invoiceLink")).isPresent());
            assertEquals(List.of(429, 200), statusesSince(mark, "createInvoiceLink"));
        }

        @Test
        void aServerErrorIsRetriedAndTheOrderIsCreatedWithItsLink() {
            String sku = shop.product(5);
            int mark = telegram.calls().size();
            shop.fault("server-errors", Map.of("method", "createInvoiceLink", "calls", 1));

            Api.Reply placed = shop.placeOrder(alice, sku);

            assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
            assertTrue(telegram.invoice((String) placed.json().get("invoiceLink")).isPresent());
            assertEquals(List.of(500, 200), statusesSince(mark, "createInvoiceLink"));
        }

        @Test
        void aTimeoutIsRetriedAndTheOrderIsCreatedWithALinkThatPays() {
            String sku = shop.product(5);
            shop.fault("held-answers", Map.of("method", "createInvoiceLink", "calls", 1, "holdMillis", HOLD_MILLIS));

            Api.Reply placed = shop.placeOrder(alice, sku);

            assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
            Object orderId = placed.json().get("id");
            assertTrue(telegram.pay((String) placed.json().get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
            shop.awaitStatus(alice, orderId, "PAID");
        }

        @Test
        void failingEveryAttemptIsA502NamingTheOrderWhichStaysPayable() {
            String sku = shop.product(5);
            shop.fault("server-errors", Map.of("method", "createInvoiceLink", "calls", 3));

            Api.Reply placed = shop.placeOrder(alice, sku);

            assertEquals(502, placed.status(), () -> String.valueOf(placed.body()));
            assertTrue(placed.code().startsWith("bot-api-"), placed.code());
            Map<String, Object> order = shop.orders(alice).stream()
                    .filter(o -> String.valueOf(placed.json().get("detail")).contains((String) o.get("id")))
                    .findFirst().orElseThrow(() -> new AssertionError("the 502 names no order of the buyer: "
                            + placed.body()));
            assertEquals("PENDING_PAYMENT", order.get("status"));
            assertNull(order.get("invoiceLink"));

            Api.Reply issued = shop.issueInvoice(alice, order.get("id"));

            assertEquals(200, issued.status(), () -> String.valueOf(issued.body()));
            assertTrue(telegram.pay((String) issued.json().get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
            shop.awaitStatus(alice, order.get("id"), "PAID");
            assertEquals(List.of("PAYMENT"), shop.ledgerKinds(order.get("id")));
        }
    }

    @Nested
    class AnswerPreCheckoutQuery {

        @Test
        void rateLimitedOnceTheAnswerStillArrivesInTimeAndThePaymentGoesThrough() {
            Map<String, Object> order = placedOrder();
            int mark = telegram.calls().size();
            telegram.faults().rateLimit("answerPreCheckoutQuery", 1, 1);

            PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));

            assertTrue(outcome.isPaid(), outcome.toString());
            shop.awaitStatus(alice, order.get("id"), "PAID");
            assertEquals(List.of(429, 200), statusesSince(mark, "answerPreCheckoutQuery"));
        }

        @Test
        void aServerErrorIsRetriedAndThePaymentGoesThrough() {
            Map<String, Object> order = placedOrder();
            telegram.faults().serverErrors("answerPreCheckoutQuery", 1);

            PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));

            assertTrue(outcome.isPaid(), outcome.toString());
            shop.awaitStatus(alice, order.get("id"), "PAID");
            assertEquals(List.of("PAYMENT"), shop.ledgerKinds(order.get("id")));
        }

        /** The first answer took effect; the client's repeat is "query is too old" and harmless. */
        @Test
        void aTimedOutAnswerThatArrivedStillLetsThePaymentThroughOnce() {
            Map<String, Object> order = placedOrder();
            int mark = telegram.calls().size();
            telegram.faults().holdAnswers("answerPreCheckoutQuery", 1, HOLD_MILLIS);

            PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));

            assertTrue(outcome.isPaid(), outcome.toString());
            shop.awaitStatus(alice, order.get("id"), "PAID");
            assertEquals(List.of("PAYMENT"), shop.ledgerKinds(order.get("id")));
            assertEquals(List.of(200, 400), Eventually.value(() -> Optional.of(statusesSince(mark,
                    "answerPreCheckoutQuery")).filter(statuses -> statuses.size() == 2)));
        }

        /** No answer reaches Telegram: it cancels the payment at its deadline and no money moves. */
        @Test
        void anAnswerThatNeverArrivesCancelsThePaymentAndTheOrderStaysPayable() {
            Map<String, Object> order = placedOrder();
            long balance = starBalance();
            telegram.faults().serverErrors("answerPreCheckoutQuery", 3);

            PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));

            assertEquals("failed", outcome.status(), outcome.toString());
            assertEquals(balance, starBalance());
            assertEquals("PENDING_PAYMENT", shop.order(alice, order.get("id")).get("status"));
            assertEquals(List.of(), shop.ledgerKinds(order.get("id")));
            assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
            shop.awaitStatus(alice, order.get("id"), "PAID");
        }
    }

    @Nested
    class RefundStarPayment {

        @Test
        void rateLimitedOnceTheRefundWaitsAndHappensOnce() {
            Paid paid = paidOrder();
            telegram.faults().rateLimit("refundStarPayment", 1, 1);

            Api.Reply refund = shop.refund(paid.orderId());

            assertEquals(200, refund.status(), () -> String.valueOf(refund.body()));
            assertRefundedOnceOnBothBooks(paid);
        }

        @Test
        void aServerErrorIs502AndRecordsNothingAndTheRetryRefundsOnce() {
            Paid paid = paidOrder();
            telegram.faults().serverErrors("refundStarPayment", 1);

            Api.Reply failed = shop.refund(paid.orderId());

            assertEquals(502, failed.status(), () -> String.valueOf(failed.body()));
            assertTrue(failed.code().startsWith("bot-api-"), failed.code());
            assertEquals("PAID", shop.order(alice, paid.orderId()).get("status"));
            assertEquals(List.of("PAYMENT"), shop.ledgerKinds(paid.orderId()));
            assertEquals(0, shop.telegramRefundsOf(paid.chargeId()), "a 500 is not executed, not repeated");

            Api.Reply retried = shop.refund(paid.orderId());

            assertEquals(200, retried.status(), () -> String.valueOf(retried.body()));
            assertRefundedOnceOnBothBooks(paid);
        }

        /**
         * The refund happened at Telegram but its answer never came. The update that would tell us
         * is lost too, so only the operator's retry can record it: it must get
         * CHARGE_ALREADY_REFUNDED and record the refund once, never refund twice.
         */
        @Test
        void aTimeoutIs502AndTheRetryRecordsTheRefundTelegramAlreadyMadeOnce() {
            Paid paid = paidOrder();
            telegram.faults().loseUpdates("refunded_payment", 1);
            telegram.faults().holdAnswers("refundStarPayment", 1, HOLD_MILLIS);

            Api.Reply failed = shop.refund(paid.orderId());

            assertEquals(502, failed.status(), () -> String.valueOf(failed.body()));
            assertEquals("bot-api-unavailable", failed.code());
            assertEquals("PAID", shop.order(alice, paid.orderId()).get("status"));
            assertEquals(List.of("PAYMENT"), shop.ledgerKinds(paid.orderId()));
            assertEquals(1, shop.telegramRefundsOf(paid.chargeId()), "Telegram did refund");
            int mark = telegram.calls().size();

            Api.Reply retried = shop.refund(paid.orderId());

            assertEquals(200, retried.status(), () -> String.valueOf(retried.body()));
            assertEquals(List.of(400), statusesSince(mark, "refundStarPayment"), "CHARGE_ALREADY_REFUNDED");
            assertRefundedOnceOnBothBooks(paid);
            assertEquals(409, shop.refund(paid.orderId()).status());
        }

        /** The same, but Telegram's refunded_payment update arrives and records it before the retry. */
        @Test
        void aTimeoutWhoseRefundUpdateArrivesIsRecordedOnceAndTheRetryIsRefused() {
            Paid paid = paidOrder();
            telegram.faults().holdAnswers("refundStarPayment", 1, HOLD_MILLIS);

            Api.Reply failed = shop.refund(paid.orderId());
            shop.awaitStatus(alice, paid.orderId(), "REFUNDED");
            Api.Reply retried = shop.refund(paid.orderId());

            assertEquals(502, failed.status(), () -> String.valueOf(failed.body()));
            assertEquals(409, retried.status(), () -> String.valueOf(retried.body()));
            assertRefundedOnceOnBothBooks(paid);
        }

        private void assertRefundedOnceOnBothBooks(Paid paid) {
            assertEquals("REFUNDED", shop.order(alice, paid.orderId()).get("status"));
            assertEquals(List.of("PAYMENT", "REFUND"), shop.ledgerKinds(paid.orderId()));
            assertEquals(1, shop.telegramRefundsOf(paid.chargeId()), "refunds in Telegram's Stars history");
            assertEquals(paid.balanceBefore(), starBalance(), "the buyer got the Stars back exactly once");
        }
    }

    private record Paid(Object orderId, String chargeId, long balanceBefore) {
    }

    private Map<String, Object> placedOrder() {
        Api.Reply placed = shop.placeOrder(alice, shop.product(7));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        assertNotNull(placed.json().get("invoiceLink"));
        return placed.json();
    }

    private Paid paidOrder() {
        long balanceBefore = starBalance();
        Map<String, Object> order = placedOrder();
        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));
        assertTrue(outcome.isPaid(), outcome.toString());
        shop.awaitStatus(alice, order.get("id"), "PAID");
        return new Paid(order.get("id"), outcome.telegramPaymentChargeId(), balanceBefore);
    }

    private long starBalance() {
        return telegram.user(ALICE).orElseThrow().starBalance();
    }

    /** HTTP statuses the emulator answered to {@code method} since the call log had {@code mark} entries. */
    private List<Integer> statusesSince(int mark, String method) {
        List<CallLog.Call> calls = telegram.calls();
        return calls.subList(mark, calls.size()).stream().filter(call -> call.method().equals(method))
                .map(CallLog.Call::status).toList();
    }
}
