package dev.starshop.telegram.payments;

import dev.starshop.buyer.Buyer;
import dev.starshop.checkout.stars.StarMovement;
import dev.starshop.checkout.stars.StarPartner;
import dev.starshop.checkout.stars.StarPartner.AffiliateShare;
import dev.starshop.checkout.stars.StarPartner.WithdrawalState;
import dev.starshop.money.StarQuantity;
import dev.starshop.telegram.botapi.AffiliateInfo;
import dev.starshop.telegram.botapi.RevenueWithdrawalState;
import dev.starshop.telegram.botapi.StarAmount;
import dev.starshop.telegram.botapi.StarTransaction;
import dev.starshop.telegram.botapi.TransactionPartner;
import dev.starshop.telegram.botapi.User;

import java.time.Instant;

/**
 * Telegram's Stars history in the shop's terms: each {@link StarTransaction} becomes one
 * {@link StarMovement}, decided here once. Nothing throws: an entry whose partner type is newer than
 * Bot API 10.1, or that lacks a field its type requires, becomes a movement with an
 * {@link StarPartner.Unreadable} partner, which the books never book and always report.
 */
public final class StarHistoryDecoder {

    private StarHistoryDecoder() {
    }

    public static StarMovement decode(StarTransaction tx) {
        String id = tx.id() == null || tx.id().isBlank() ? "(no id)" : tx.id();
        Instant at = Instant.ofEpochSecond(tx.date());
        StarQuantity stars;
        try {
            stars = StarQuantity.of(tx.amount(), tx.nanostarAmount() == null ? 0 : tx.nanostarAmount());
        } catch (IllegalArgumentException e) {
            return unreadable(id, at, "amount", e.getMessage());
        }
        if (stars.nanostars() < 0 || tx.id() == null || tx.id().isBlank() || tx.date() <= 0) {
            return unreadable(id, at, "transaction", "needs an id, a date and an amount that is not negative");
        }
        if ((tx.source() == null) == (tx.receiver() == null)) {
            return unreadable(id, at, "transaction", "needs exactly one of source and receiver");
        }
        boolean incoming = tx.source() != null;
        return new StarMovement(id, incoming, stars, at, partner(incoming ? tx.source() : tx.receiver()));
    }

    /** {@code getMyStarBalance}'s answer as an exact quantity (it may be negative). */
    public static StarQuantity balance(StarAmount amount) {
        return StarQuantity.of(amount.amount(), amount.nanostarAmount() == null ? 0 : amount.nanostarAmount());
    }

    static StarPartner partner(TransactionPartner p) {
        String type = p.type() == null ? "(none)" : p.type();
        return switch (type) {
            case "user" -> user(p);
            case "chat" -> p.chat() == null ? missing(type, "chat")
                    : new StarPartner.Chat(p.chat().id(), p.gift() == null ? null : p.gift().id());
            case "affiliate_program" -> p.commissionPerMille() == null ? missing(type, "commission_per_mille")
                    : new StarPartner.AffiliateProgram(p.sponsorUser() == null ? null : p.sponsorUser().id(),
                    p.commissionPerMille());
            case "fragment" -> fragment(p.withdrawalState());
            case "telegram_ads" -> new StarPartner.TelegramAds();
            case "telegram_api" -> p.requestCount() == null ? missing(type, "request_count")
                    : new StarPartner.TelegramApi(p.requestCount());
            case "other" -> new StarPartner.Other();
            default -> new StarPartner.Unreadable(type, "a partner type Bot API 10.1 does not describe");
        };
    }

    private static StarPartner user(TransactionPartner p) {
        if (p.transactionType() == null) {
            return missing("user", "transaction_type");
        }
        if (p.user() == null) {
            return missing("user", "user");
        }
        AffiliateShare affiliate = null;
        if (p.affiliate() != null) {
            affiliate = affiliate(p.affiliate());
            if (affiliate == null) {
                return missing("user", "affiliate.commission_per_mille or affiliate.amount");
            }
        }
        User u = p.user();
        Buyer buyer = new Buyer(u.id(), u.firstName(), u.lastName(), u.username(), u.languageCode(),
                Boolean.TRUE.equals(u.isPremium()));
        return new StarPartner.User(p.transactionType(), buyer, p.invoicePayload(), p.subscriptionPeriod(),
                p.paidMediaPayload(), affiliate, p.gift() == null ? null : p.gift().id(),
                p.premiumSubscriptionDuration());
    }

    private static AffiliateShare affiliate(AffiliateInfo a) {
        if (a.commissionPerMille() == null || a.amount() == null) {
            return null;
        }
        try {
            StarQuantity stars = StarQuantity.of(a.amount(), a.nanostarAmount() == null ? 0 : a.nanostarAmount());
            return new AffiliateShare(a.affiliateUser() == null ? null : a.affiliateUser().id(),
                    a.affiliateChat() == null ? null : a.affiliateChat().id(), a.commissionPerMille(), stars);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static StarPartner fragment(RevenueWithdrawalState state) {
        if (state == null) {
            return new StarPartner.Fragment(null);
        }
        String type = state.type() == null ? "(none)" : state.type();
        return switch (type) {
            case "pending" -> new StarPartner.Fragment(new WithdrawalState.Pending());
            case "succeeded" -> state.date() == null || state.url() == null
                    ? missing("fragment", "withdrawal_state.date or url")
                    : new StarPartner.Fragment(new WithdrawalState.Succeeded(Instant.ofEpochSecond(state.date()),
                    state.url()));
            case "failed" -> new StarPartner.Fragment(new WithdrawalState.Failed());
            default -> new StarPartner.Unreadable("fragment", "a withdrawal state Bot API 10.1 does not describe: "
                    + type);
        };
    }

    private static StarPartner missing(String type, String field) {
        return new StarPartner.Unreadable(type, "no " + field);
    }

    private static StarMovement unreadable(String id, Instant at, String type, String reason) {
        return new StarMovement(id, true, StarQuantity.ZERO, at, new StarPartner.Unreadable(type, reason));
    }
}
