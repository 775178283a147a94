package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The emulator as one service: what the control API exposes and what tests may inject. Each
 * method delegates; state lives in the small classes behind it.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
public final class SandboxTelegram {

    private final SandboxUsers users;
    private final Invoices invoices;
    private final PaymentFlow payments;
    private final UpdateStore updates;
    private final WebhookDispatcher webhook;
    private final Queries queries;
    private final StarBook book;
    private final Chats chats;
    private final ChatMethods chatMethods;
    private final CallLog calls;
    private final FaultKnobs faults;
    private final SandboxSettings settings;
    private final ServiceMessages messages;
    private final Clock clock;
    private final StarSeeds starSeeds;

    SandboxTelegram(SandboxUsers users, Invoices invoices, PaymentFlow payments, UpdateStore updates,
                    WebhookDispatcher webhook, Queries queries, StarBook book, Chats chats, ChatMethods chatMethods,
                    CallLog calls, FaultKnobs faults, SandboxSettings settings, ServiceMessages messages, Clock clock,
                    StarSeeds starSeeds) {
        this.starSeeds = starSeeds;
        this.messages = messages;
        this.clock = clock;
        this.users = users;
        this.invoices = invoices;
        this.payments = payments;
        this.updates = updates;
        this.webhook = webhook;
        this.queries = queries;
        this.book = book;
        this.chats = chats;
        this.chatMethods = chatMethods;
        this.calls = calls;
        this.faults = faults;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.seedUsers()) {
            users.seed();
        }
    }

    public List<SandboxUser> users() {
        return users.all();
    }

    public Optional<SandboxUser> user(long id) {
        return users.find(id);
    }

    public SandboxUser createUser(SandboxUser user) {
        return users.put(user);
    }

    public SandboxUser setBalance(long userId, long stars) {
        return users.setBalance(userId, stars);
    }

    /** Blocks while the bot answers the shipping and pre-checkout queries. */
    public PayOutcome pay(String invoiceSlugOrLink, PayRequest request) {
        return payments.pay(invoiceSlugOrLink, request);
    }

    /** The user writes to the bot; returns the update_id of the resulting message update. */
    public long sendAsUser(long userId, String text) {
        SandboxUser user = users.find(userId).orElseThrow(() -> new SandboxUsers.UnknownUserException(userId));
        TrackedUpdate update = messages.post(user, "text", text);
        return update == null ? -1 : update.updateId();
    }

    /**
     * A message from the user carrying one field exactly as given: a stand-in for a Telegram that
     * sends what the emulator never makes itself (tests use it for wrong-typed payment messages).
     * Returns the update_id, or -1 when a fault knob lost the update.
     */
    public long postMessageAsUser(long userId, String field, Object content) {
        SandboxUser user = users.find(userId).orElseThrow(() -> new SandboxUsers.UnknownUserException(userId));
        TrackedUpdate update = messages.post(user, field, content);
        return update == null ? -1 : update.updateId();
    }

    /**
     * Telegram charges a Stars payment back (no update is sent); false when the charge is unknown,
     * not in Stars, or already refunded or charged back.
     */
    public boolean chargeback(String telegramChargeId) {
        return book.charge(telegramChargeId).filter(Charge::isStars)
                .map(charge -> book.recordChargeback(charge, clock.instant().getEpochSecond()))
                .orElse(false);
    }

    /** Adds a Stars history entry of a kind invoices do not make; answers its id. */
    public String addStarTransaction(StarSeed seed) {
        return starSeeds.add(seed);
    }

    /** A pending withdrawal to Fragment succeeds (404 unknown, 409 not pending). */
    public void withdrawalSucceeds(String withdrawalId) {
        starSeeds.succeed(withdrawalId);
    }

    /** A pending withdrawal fails; Fragment's refund comes in with the same id. */
    public void withdrawalFails(String withdrawalId) {
        starSeeds.fail(withdrawalId);
    }

    /** The bot's Stars balance in nanostars, as getMyStarBalance reports it. */
    public long botBalanceNanostars() {
        return book.balanceNanostars();
    }

    public PayOutcome renewSubscription(String firstChargeId) {
        return payments.renew(firstChargeId);
    }

    /**
     * Opens a pre-checkout query as Telegram does before a charge, for a caller that delivers the
     * pre_checkout_query update itself (the latency benchmark). {@code answered} completes with the
     * bot's ok in the thread that received answerPreCheckoutQuery, so its completion is the arrival.
     */
    public OpenQuery openPreCheckoutQuery() {
        String id = queries.open();
        CompletableFuture<Queries.Answer> answer = queries.answerOf(id);
        return new OpenQuery(id, answer.thenApply(Queries.Answer::ok), answer.thenApply(Queries.Answer::errorMessage));
    }

    /** A query waiting for the bot's answer: whether it accepted, and the refusal's text (null when ok). */
    public record OpenQuery(String id, CompletableFuture<Boolean> answered, CompletableFuture<String> errorMessage) {
    }

    public Optional<Map<String, Object>> invoice(String slugOrLink) {
        return invoices.find(slugOrLink).map(Invoice::view);
    }

    /** Pending updates and the most recent finished ones, with delivery status and attempts. */
    public List<Map<String, Object>> updates() {
        return updates.history().stream().map(TrackedUpdate::view).toList();
    }

    /**
     * How many items each of the emulator's stores holds now, next to its bound (0 = bounded by
     * time only), so a long run can show that nothing grows with traffic.
     */
    public Map<String, Object> retained() {
        Map<String, Object> held = new java.util.TreeMap<>();
        held.putAll(updates.sizes());
        held.putAll(book.sizes());
        held.put("invoices", invoices.size());
        held.put("calls", calls.size());
        held.put("chatMessages", chats.size());
        held.put("documents", chats.documentCount());
        held.put("documentBytes", chats.documentBytes());
        held.put("users", users.all().size());
        return Json.obj("held", held, "bounds", Json.obj("finishedUpdates", settings.recentUpdates(),
                "invoices", settings.maxInvoices(), "calls", settings.callLogSize(),
                "chatMessagesPerChat", settings.chatHistorySize(), "starTransactions", settings.starHistorySize(),
                "charges", settings.starHistorySize(), "subscriptions", settings.starHistorySize(),
                "refundMarks", settings.starHistorySize(), "documents", Chats.MAX_DOCUMENTS,
                "chatMessages", Chats.MAX_MESSAGES, "documentBytes", Chats.MAX_DOCUMENT_BYTES));
    }

    public List<CallLog.Call> calls() {
        return calls.all();
    }

    public List<Map<String, Object>> messages(long chatId) {
        return chats.messages(chatId);
    }

    /** The user's chat with the bot after message {@code afterId} (0: all that is kept), oldest first. */
    public List<Map<String, Object>> chat(long userId, long afterId) {
        return chats.messagesAfter(userId, afterId);
    }

    /** The bytes of a document the bot sent, by its file_id, while the emulator keeps them. */
    public Optional<byte[]> documentContent(String fileId) {
        return Optional.ofNullable(chats.content(fileId));
    }

    /** The details of a document the bot sent (file_name, mime_type, …), or null. */
    public Map<String, Object> documentDetails(String fileId) {
        return chats.document(fileId);
    }

    public Map<String, Object> botSettings() {
        return chatMethods.settings();
    }

    public FaultKnobs faults() {
        return faults;
    }

    /** Back to a fresh Telegram: no webhook, no updates, no invoices, seeded users. */
    public void reset() {
        webhook.reset();
        queries.clear();
        updates.clear();
        invoices.clear();
        book.clear();
        chats.clear();
        chatMethods.reset();
        calls.clear();
        faults.reset();
        users.clear();
        if (settings.seedUsers()) {
            users.seed();
        }
    }
}
