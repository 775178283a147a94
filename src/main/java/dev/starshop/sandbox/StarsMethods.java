package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** refundStarPayment, getStarTransactions, editUserStarSubscription, getMyStarBalance. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class StarsMethods implements BotMethods {

    private final StarBook book;
    private final SandboxUsers users;
    private final ServiceMessages messages;
    private final Clock clock;

    StarsMethods(StarBook book, SandboxUsers users, ServiceMessages messages, Clock clock) {
        this.book = book;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void register(Map<String, BotMethod> registry) {
        registry.put("refundStarPayment", this::refundStarPayment);
        registry.put("getStarTransactions", this::getStarTransactions);
        registry.put("editUserStarSubscription", this::editUserStarSubscription);
        registry.put("getMyStarBalance", p -> starAmount(book.balanceNanostars()));
    }

    private Object refundStarPayment(Params p) {
        SandboxUser user = user(p.requiredLong("user_id"));
        Charge charge = chargeOf(user, p.requiredString("telegram_payment_charge_id"));
        if (!book.recordRefund(charge, clock.instant().getEpochSecond())) {
            throw BotApiError.badRequest("CHARGE_ALREADY_REFUNDED");
        }
        users.credit(user.id(), charge.totalAmount());
        // Telegram's RefundedPayment for Stars has no provider id.
        messages.post(user, "refunded_payment", Json.obj("currency", charge.currency(),
                "total_amount", charge.totalAmount(), "invoice_payload", charge.invoicePayload(),
                "telegram_payment_charge_id", charge.telegramChargeId()));
        return true;
    }

    private Object getStarTransactions(Params p) {
        long offset = p.longValue("offset") == null ? 0 : Math.max(0, p.longValue("offset"));
        long limit = p.longValue("limit") == null ? 100 : p.longValue("limit");
        if (limit < 1 || limit > 100) {
            limit = 100; // Telegram clamps instead of failing
        }
        List<Map<String, Object>> page = book.history(offset, limit).stream().map(this::transaction).toList();
        return Json.obj("transactions", page);
    }

    /** Telegram's StarAmount: whole Stars rounded towards zero, the rest as nanostar_amount (same sign). */
    static Map<String, Object> starAmount(long nanostars) {
        long nanos = nanostars % StarSeeds.NANOS;
        return Json.obj("amount", nanostars / StarSeeds.NANOS, "nanostar_amount", nanos == 0 ? null : nanos);
    }

    private Map<String, Object> transaction(StarBook.Entry entry) {
        if (entry.partner() != null) {
            Map<String, Object> partner = new java.util.LinkedHashMap<>(entry.partner());
            Map<String, Object> state = book.withdrawalState(entry.id());
            if (state != null && !entry.incoming()) {
                partner.put("withdrawal_state", state);
            }
            return Json.obj("id", entry.id(), "amount", entry.amount(),
                    "nanostar_amount", entry.nanos() == 0 ? null : entry.nanos(), "date", entry.date(),
                    entry.incoming() ? "source" : "receiver", partner);
        }
        if (!"user".equals(entry.partnerType())) {
            return Json.obj("id", entry.id(), "amount", entry.amount(), "date", entry.date(),
                    entry.incoming() ? "source" : "receiver", Json.obj("type", entry.partnerType()));
        }
        Map<String, Object> partner = Json.obj("type", "user", "transaction_type", "invoice_payment",
                "user", users.find(entry.userId()).map(SandboxUser::toTelegram)
                        .orElse(Json.obj("id", entry.userId(), "is_bot", false, "first_name", "Deleted Account")),
                "invoice_payload", entry.payload(), "subscription_period", entry.subscriptionPeriod());
        return Json.obj("id", entry.id(), "amount", entry.amount(), "date", entry.date(),
                entry.incoming() ? "source" : "receiver", partner);
    }

    private Object editUserStarSubscription(Params p) {
        SandboxUser user = user(p.requiredLong("user_id"));
        String chargeId = p.requiredString("telegram_payment_charge_id");
        if (!p.has("is_canceled")) {
            throw BotApiError.badRequest("parameter \"is_canceled\" is required");
        }
        StarBook.Subscription subscription = book.subscription(chargeId)
                .filter(s -> s.userId() == user.id())
                .orElseThrow(() -> BotApiError.badRequest("CHARGE_NOT_FOUND"));
        book.putSubscription(subscription.withCanceled(p.bool("is_canceled")));
        return true;
    }

    private SandboxUser user(long id) {
        return users.find(id).orElseThrow(() -> BotApiError.badRequest("USER_ID_INVALID"));
    }

    private Charge chargeOf(SandboxUser user, String chargeId) {
        return book.charge(chargeId).filter(c -> c.userId() == user.id() && c.isStars())
                .orElseThrow(() -> BotApiError.badRequest("CHARGE_NOT_FOUND"));
    }
}
