package dev.starshop.sandbox;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Adds the Stars history entries the invoice flow cannot produce: paid media, gifts, Premium,
 * affiliate commissions, withdrawals to Fragment (pending, then succeeded or failed), Telegram Ads,
 * paid broadcasts, "other" and a partner type newer than Bot API 10.1. The bot's balance follows.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class StarSeeds {

    static final long NANOS = 1_000_000_000L;
    static final Set<String> KINDS = Set.of("paid_media", "gift", "premium", "chat_gift", "business_transfer",
            "affiliate_program", "withdrawal", "telegram_ads", "telegram_api", "other", "unknown");
    private static final Set<String> OUTGOING = Set.of("gift", "premium", "chat_gift", "withdrawal", "telegram_ads",
            "telegram_api");

    private final StarBook book;
    private final SandboxUsers users;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    StarSeeds(StarBook book, SandboxUsers users, Clock clock) {
        this.book = book;
        this.users = users;
        this.clock = clock;
    }

    /** The new entry's id; refused (400 sandbox-limit) when the bot's balance does not cover an outgoing one. */
    String add(StarSeed seed) {
        boolean incoming = seed.incoming() != null ? seed.incoming() : !OUTGOING.contains(seed.kind());
        String id = "sbx-" + seed.kind().replace('_', '-') + "-" + sequence.incrementAndGet();
        StarBook.Entry entry = new StarBook.Entry(id, seed.amount(), seed.nanostarAmount() == null ? 0
                : seed.nanostarAmount(), clock.instant().getEpochSecond(), incoming,
                seed.userId() == null ? 0 : seed.userId(), null, null, partnerType(seed), partner(seed));
        if (!book.recordSeeded(entry)) {
            throw ControlBody.limit("the bot's balance (" + book.balanceNanostars() + " nanostars) does not cover "
                    + seed.amount() + " Stars");
        }
        return id;
    }

    void succeed(String withdrawalId) {
        requirePending(book.withdrawalSucceeded(withdrawalId, clock.instant().getEpochSecond(),
                "https://fragment.com/tx/" + withdrawalId), withdrawalId);
    }

    void fail(String withdrawalId) {
        requirePending(book.withdrawalFailed(withdrawalId, clock.instant().getEpochSecond()), withdrawalId);
    }

    private void requirePending(boolean changed, String id) {
        if (!changed) {
            throw book.withdrawalState(id) == null
                    ? new ProblemException(ProblemCode.NOT_FOUND, "No withdrawal " + id)
                    : new ProblemException(ProblemCode.INVALID_STATE, "Withdrawal " + id + " is not pending");
        }
    }

    private static String partnerType(StarSeed seed) {
        return switch (seed.kind()) {
            case "paid_media", "gift", "premium", "business_transfer" -> "user";
            case "chat_gift" -> "chat";
            case "withdrawal" -> "fragment";
            case "unknown" -> seed.partnerType();
            default -> seed.kind();
        };
    }

    private Map<String, Object> partner(StarSeed seed) {
        return switch (seed.kind()) {
            case "paid_media" -> user(seed, "paid_media_payment", "paid_media_payload", "sandbox-media",
                    "affiliate", affiliate(seed));
            case "gift" -> user(seed, "gift_purchase", "gift", Json.obj("id", "sandbox-gift", "star_count",
                    seed.amount()));
            case "premium" -> user(seed, "premium_purchase", "premium_subscription_duration", 3);
            case "business_transfer" -> user(seed, "business_account_transfer");
            case "chat_gift" -> Json.obj("type", "chat", "chat", Json.obj("id", required(seed.chatId(), "chatId"),
                    "type", "channel"), "gift", Json.obj("id", "sandbox-gift", "star_count", seed.amount()));
            case "affiliate_program" -> Json.obj("type", "affiliate_program", "sponsor_user", Json.obj("id", 700001L,
                    "is_bot", true, "first_name", "Sponsor Bot"), "commission_per_mille",
                    required(seed.commissionPerMille(), "commissionPerMille"));
            case "telegram_api" -> Json.obj("type", "telegram_api", "request_count",
                    required(seed.requestCount(), "requestCount"));
            case "unknown" -> Json.obj("type", seed.partnerType());
            default -> Json.obj("type", partnerType(seed)); // fragment (state added when read), telegram_ads, other
        };
    }

    private Map<String, Object> user(StarSeed seed, String type, Object... extra) {
        long userId = required(seed.userId(), "userId");
        Map<String, Object> user = users.find(userId).map(SandboxUser::toTelegram)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No sandbox user " + userId));
        Map<String, Object> partner = Json.obj("type", "user", "transaction_type", type, "user", user);
        partner.putAll(Json.obj(extra));
        return partner;
    }

    private static Map<String, Object> affiliate(StarSeed seed) {
        if (seed.commissionPerMille() == null) {
            return null;
        }
        long nanos = seed.affiliateNanostarAmount() == null ? 0 : seed.affiliateNanostarAmount();
        return Json.obj("affiliate_user", Json.obj("id", 700002L, "is_bot", false, "first_name", "Affiliate"),
                "commission_per_mille", seed.commissionPerMille(),
                "amount", required(seed.affiliateAmount(), "affiliateAmount"),
                "nanostar_amount", nanos == 0 ? null : nanos);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ControlBody.malformed(field + ": required for this kind");
        }
        return value;
    }
}
