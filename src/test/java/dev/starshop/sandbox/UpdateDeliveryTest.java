package dev.starshop.sandbox;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How updates travel: webhook retries and ordering, fault knobs, getUpdates. */
@MicronautTest
@Property(name = "spec.name", value = "SandboxWebhook")
@Property(name = "starshop.sandbox.retry-base", value = "20ms")
@Property(name = "starshop.sandbox.retry-cap", value = "100ms")
class UpdateDeliveryTest extends SandboxWebhookTestBase {

    void useWebhook() {
        assertEquals(200, bot.call("setWebhook", Map.of("url", server.getURL() + "/test-webhook")).status());
    }

    String link(long stars) {
        return (String) bot.call("createInvoiceLink", BotApiSurfaceTest.with(BotApiSurfaceTest.starsInvoice(),
                "prices", List.of(Map.of("label", "Pack", "amount", stars)))).result();
    }

    @Test
    void aFailedDeliveryIsRetriedUntilAcknowledged() {
        useWebhook();
        webhook.failNext.set(2);

        PayOutcome outcome = sandbox.pay(link(5), PayRequest.stars(ALICE));

        assertEquals("paid", outcome.status(), outcome.reason());
        BotApiClient.await("payment delivered", () -> webhook.messagesWith("successful_payment").size() == 1);
        // The webhook saw the update before the emulator read its 200: wait for every acknowledgement.
        BotApiClient.await("all acknowledged", () -> Integer.valueOf(0).equals(
                bot.call("getWebhookInfo", Map.of()).resultObject().get("pending_update_count")));
        Map<String, Object> first = sandbox.updates().get(0);
        assertEquals(3, first.get("attempts"));
        assertEquals("DELIVERED", first.get("status"));
        Map<String, Object> info = bot.call("getWebhookInfo", Map.of()).resultObject();
        assertEquals("Wrong response from the webhook: 500", info.get("last_error_message"));
    }

    @Test
    void oneUsersUpdatesArriveInOrderWhileTheyRetry() {
        useWebhook();
        sandbox.pay(link(5), PayRequest.stars(ALICE));
        BotApiClient.await("first payment", () -> webhook.messagesWith("successful_payment").size() == 1);
        webhook.clear();
        webhook.failNext.set(3);

        for (int i = 0; i < 5; i++) {
            sandbox.sendAsUser(ALICE, "note-" + i);
        }

        BotApiClient.await("five messages", () -> webhook.deliveries.size() == 5);
        List<Long> ids = webhook.deliveries.stream().map(RecordingWebhook.Delivery::updateId).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void differentUsersAreDeliveredInParallel() {
        useWebhook();
        CompletableFuture<PayOutcome> alice = CompletableFuture.supplyAsync(() -> sandbox.pay(link(5), PayRequest.stars(ALICE)));
        CompletableFuture<PayOutcome> li = CompletableFuture.supplyAsync(() -> sandbox.pay(link(6), PayRequest.stars(LI)));

        PayOutcome alicePaid = alice.join();
        PayOutcome liPaid = li.join();
        assertEquals("paid", alicePaid.status());
        assertEquals("paid", liPaid.status());
        // By charge: a duplicate copy the previous test's fault knob sent may still land here late.
        Set<Object> expected = Set.of(alicePaid.telegramPaymentChargeId(), liPaid.telegramPaymentChargeId());
        BotApiClient.await("both payments", () -> webhook.messagesWith("successful_payment").stream()
                .map(payment -> payment.get("telegram_payment_charge_id")).collect(Collectors.toSet())
                .containsAll(expected));
    }

    @Test
    void duplicatesAndLostAnswersAreDeliveredAgain() {
        useWebhook();
        sandbox.faults().set(new Faults(3, false, 0, 2, 0, 0));

        assertEquals("paid", sandbox.pay(link(5), PayRequest.stars(ALICE)).status());

        BotApiClient.await("payment", () -> !webhook.messagesWith("successful_payment").isEmpty());
        long distinct = webhook.deliveries.stream().map(RecordingWebhook.Delivery::updateId).distinct().count();
        assertEquals(2, distinct);
        assertTrue(webhook.deliveries.size() > distinct, "duplicates expected");
        assertTrue(webhook.refusedAnswers.get() > 0, "a duplicate query can only be answered once");
    }

    @Test
    void getUpdatesServesTheQueueAndConfirmsByOffset() {
        sandbox.sendAsUser(ALICE, "hello");
        sandbox.sendAsUser(ALICE, "again");

        List<Map<String, Object>> batch = bot.call("getUpdates", Map.of("timeout", 0)).resultList();
        long last = ((Number) batch.get(1).get("update_id")).longValue();
        List<Map<String, Object>> afterOffset = bot.call("getUpdates", Map.of("offset", last + 1)).resultList();

        assertEquals(2, batch.size());
        assertEquals(((Number) batch.get(0).get("update_id")).longValue() + 1, last);
        assertTrue(afterOffset.isEmpty());
    }

    @Test
    void aLongPollReturnsWhenAnUpdateArrives() {
        CompletableFuture<BotApiClient.Reply> poll = CompletableFuture.supplyAsync(
                () -> bot.call("getUpdates", Map.of("timeout", 5)));
        sleep(300);
        sandbox.sendAsUser(LI, "ping");

        assertEquals(1, poll.join().resultList().size());
    }

    @Test
    void getUpdatesConflictsWithAWebhook() {
        useWebhook();

        BotApiClient.Reply reply = bot.call("getUpdates", Map.of());

        assertEquals(409, reply.status());
        assertEquals("Conflict: can't use getUpdates method while webhook is active; "
                + "use deleteWebhook to delete the webhook first", reply.description());
        assertEquals(true, bot.call("deleteWebhook", Map.of()).result());
        assertEquals(200, bot.call("getUpdates", Map.of()).status());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
