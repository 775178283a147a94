package dev.starshop.sandbox;

import dev.starshop.support.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each of the emulator's stores, given more than its bound, keeps the bound and the newest items. */
class StoreBoundsTest {

    private static final int N = 5;
    private static final int MORE = 12;
    private final MovableClock clock = new MovableClock();
    private final SandboxSettings settings = settings(N);

    static SandboxSettings settings(int bound) {
        return new SandboxSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(150), Duration.ofHours(24), Duration.ofSeconds(60), true,
                Duration.ofHours(1), bound, bound, bound, bound, bound);
    }

    @Test
    void theCallLogKeepsTheNewestCalls() {
        CallLog log = new CallLog(settings);

        IntStream.range(0, MORE).forEach(i -> log.add(new CallLog.Call("m" + i, "t", 200, "ok", "http")));

        assertEquals(N, log.size());
        assertEquals(List.of("m7", "m8", "m9", "m10", "m11"), log.all().stream().map(CallLog.Call::method).toList());
    }

    @Test
    void eachChatKeepsItsNewestMessages() {
        Chats chats = new Chats(settings);

        IntStream.range(0, MORE).forEach(i -> chats.record(1, Map.of("message_id", chats.nextMessageId(1))));
        chats.record(2, Map.of("message_id", chats.nextMessageId(2)));

        assertEquals(N, chats.messages(1).size());
        assertEquals(12L, chats.messages(1).get(N - 1).get("message_id"));
        assertEquals(1, chats.messages(2).size());
        assertEquals(N + 1, chats.size());
    }

    @Test
    void allChatsTogetherKeepTheNewestMessages() {
        Chats chats = new Chats(StoreBoundsTest.settings(Chats.MAX_MESSAGES));

        IntStream.range(0, Chats.MAX_MESSAGES).forEach(i -> chats.record(1, Map.of("message_id", chats.nextMessageId(1))));
        chats.record(2, Map.of("message_id", chats.nextMessageId(2)));

        assertEquals(Chats.MAX_MESSAGES, chats.size());
        assertEquals(2L, chats.messages(1).get(0).get("message_id"), "the oldest message of all went first");
        assertEquals(1, chats.messages(2).size());
    }

    @Test
    void documentBytesAreKeptWithinTheirTotalBound() {
        Chats chats = new Chats(settings);
        byte[] forty = new byte[40 * 1024 * 1024];

        chats.rememberDocument(Map.of("file_id", "a", "file_unique_id", "ua"), forty);
        chats.rememberDocument(Map.of("file_id", "b", "file_unique_id", "ub"), forty);

        assertEquals(forty.length, chats.documentBytes());
        assertEquals(null, chats.content("a"), "the older content went to make room");
        assertEquals(forty, chats.content("b"));
    }

    @Test
    void theStarsHistoryKeepsTheNewestEntriesAndTheWholeBalance() {
        StarBook book = new StarBook(settings);

        IntStream.range(0, MORE).forEach(i -> book.recordPayment(
                new Charge("stx" + i, "", 1, "XTR", 10, "p" + i, null, i)));

        assertEquals(N, book.history().size());
        assertEquals("stx7", book.history(0, 100).get(0).id());
        assertEquals(List.of("stx10", "stx11"), book.history(3, 100).stream().map(StarBook.Entry::id).toList());
        assertEquals(MORE * 10L * 1_000_000_000L, book.balanceNanostars());
        assertTrue(book.charge("stx0").isEmpty(), "the oldest charge is forgotten");
        assertTrue(book.charge("stx11").isPresent());
        assertEquals(Map.of("starTransactions", N, "charges", N, "subscriptions", 0, "refundMarks", 0), book.sizes());
    }

    @Test
    void onlyTheNewestFinishedUpdatesAreKept() {
        UpdateStore store = new UpdateStore(settings, clock);

        IntStream.range(0, MORE).forEach(i -> store.confirm(store.add(1, "message", Map.of("text", "m" + i))));

        assertEquals(Map.of("pendingUpdates", 0, "finishedUpdates", N), store.sizes());
        assertEquals(N, store.history().size());
        assertTrue(store.history().stream().allMatch(u -> u.status() == TrackedUpdate.Status.DELIVERED));
    }

    @Test
    void anExpiredPendingUpdateIsGoneEvenIfNobodyAsksForUpdates() {
        UpdateStore store = new UpdateStore(settings, clock);
        TrackedUpdate query = store.add(1, "pre_checkout_query", Map.of("id", "q"));
        TrackedUpdate message = store.add(2, "message", Map.of("text", "hi"));

        clock.advance(Duration.ofSeconds(151));
        store.add(3, "message", Map.of("text", "later"));

        assertEquals(TrackedUpdate.Status.EXPIRED, query.status());
        assertEquals(TrackedUpdate.Status.PENDING, message.status());
        assertEquals(2, store.sizes().get("pendingUpdates"));
        assertEquals(List.of(message.updateId(), message.updateId() + 1),
                store.live(100).stream().map(TrackedUpdate::updateId).toList());

        clock.advance(Duration.ofHours(25));
        assertEquals(0, store.pendingCount());
        assertEquals(0, store.sizes().get("pendingUpdates"));
    }

    @Test
    void invoicesBeyondTheCountForgetTheOldestAndOldOnesExpire() {
        Invoices invoices = new Invoices(settings, clock);
        List<Invoice> made = IntStream.range(0, MORE).mapToObj(i -> invoice(invoices.newSlug())).toList();

        made.forEach(invoices::add);

        assertEquals(N, invoices.size());
        assertTrue(invoices.find(made.get(0).slug()).isEmpty());
        assertTrue(invoices.find("https://t.me/$" + made.get(MORE - 1).slug()).isPresent());

        clock.advance(Duration.ofMinutes(61));

        assertTrue(invoices.find(made.get(MORE - 1).slug()).isEmpty(), "older than invoice-max-age");
        invoices.add(invoice(invoices.newSlug()));
        assertEquals(1, invoices.size());
    }

    @Test
    void aPaidInvoiceIsForgotten() {
        Invoices invoices = new Invoices(settings, clock);
        Invoice invoice = invoice(invoices.newSlug());
        invoices.add(invoice);

        invoices.paid(invoice);

        assertTrue(invoices.find(invoice.slug()).isEmpty());
    }

    @Test
    void aRingRefusesToHoldNothing() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Ring<>(0));
    }

    private static Invoice invoice(String slug) {
        return new Invoice(slug, "t", "d", "p", "XTR", List.of(10L), List.of("t"), 0, List.of(), null, false, false, false,
                false, false);
    }
}
