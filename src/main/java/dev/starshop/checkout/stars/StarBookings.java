package dev.starshop.checkout.stars;

import dev.starshop.ledger.EntryRef;
import dev.starshop.ledger.NewTransaction;
import dev.starshop.ledger.StarsEntries;
import dev.starshop.money.StarQuantity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the books record for each kind of Stars movement, as ledger transactions keyed by Telegram's
 * transaction id ({@code <kind>:<id>}), so a second run posts nothing new. Pure: the service posts
 * the plan. Invoice payments, their refunds and chargebacks are recorded by the payment path
 * ({@code ReconciliationBook}); here they add only an affiliate's commission.
 */
public final class StarBookings {

    private StarBookings() {
    }

    /** The transactions to post, or the reason nothing may be booked. */
    public sealed interface Plan {
        record Post(List<NewTransaction> transactions) implements Plan {
        }

        /** Telegram's documentation does not say enough to book it; a person decides. */
        record NotBooked(String reason) implements Plan {
        }
    }

    public static Plan plan(StarMovement m, StarKind kind, StarHistory history) {
        StarQuantity stars = m.stars();
        return switch (kind) {
            case INVOICE_PAYMENT -> post(commission(m));
            case INVOICE_REFUND, CHARGEBACK -> refundCommission(m);
            case PAID_MEDIA_SALE -> post(join(StarsEntries.paidMedia(ref("paid-media", m, m.at()), gross(m)),
                    commission(m)));
            case PAID_MEDIA_REFUND -> new Plan.NotBooked("a refund of paid media: booked against its sale by the "
                    + "service, not here");
            case GIFT_PURCHASE, PREMIUM_PURCHASE, CHAT_GIFT -> post(List.of(
                    StarsEntries.gift(ref("gift", m, m.at()), stars)));
            case AFFILIATE_INCOME -> post(List.of(StarsEntries.affiliateIncome(ref("affiliate-income", m, m.at()),
                    stars)));
            case ADS_TOP_UP, API_FEE -> post(List.of(StarsEntries.telegramFee(ref("fee", m, m.at()), stars)));
            case WITHDRAWAL_PENDING -> post(List.of(started(m)));
            case WITHDRAWAL_SUCCEEDED -> post(List.of(started(m), StarsEntries.withdrawalSucceeded(
                    ref("withdrawal-succeeded", m, succeededAt(m)), stars)));
            case WITHDRAWAL_FAILED -> post(List.of(started(m), StarsEntries.withdrawalReturned(
                    ref("withdrawal-returned", m, history.returnOf(m.id()).orElse(m.at())), stars)));
            case WITHDRAWAL_RETURN -> history.withdrawalIds().contains(m.id()) ? post(List.of())
                    : new Plan.NotBooked("Fragment returned Stars for a withdrawal the history does not show");
            case BUSINESS_TRANSFER -> new Plan.NotBooked("a transfer from a managed business account: the owner's "
                    + "Stars, not a sale; no account is agreed for it");
            case CHAT_OTHER -> new Plan.NotBooked("a movement with a chat (a channel's subscriptions go to the "
                    + "channel's balance, not the shop's receivable)");
            case OTHER -> new Plan.NotBooked("Telegram names no partner (type \"other\")");
            case UNKNOWN -> new Plan.NotBooked(unknown(m));
        };
    }

    /** What the buyer paid: what reached the bot plus the affiliate's commission taken out of it. */
    public static StarQuantity gross(StarMovement m) {
        StarPartner.AffiliateShare affiliate = affiliateOf(m);
        return affiliate == null || !affiliate.stars().isPositive() ? m.stars() : m.stars().plus(affiliate.stars());
    }

    private static List<NewTransaction> commission(StarMovement m) {
        StarPartner.AffiliateShare affiliate = affiliateOf(m);
        if (affiliate == null || !affiliate.stars().isPositive()) {
            return List.of();
        }
        return List.of(StarsEntries.affiliateCommission(ref("affiliate-commission", m, m.at()), affiliate.stars()));
    }

    /** A refund's affiliate part (negative: the affiliate gives the commission back) is not booked by guess. */
    private static Plan refundCommission(StarMovement m) {
        StarPartner.AffiliateShare affiliate = affiliateOf(m);
        return affiliate == null || affiliate.stars().isZero() ? post(List.of())
                : new Plan.NotBooked("the affiliate's share of a refund (" + affiliate.stars()
                + "): Telegram does not document when it is settled");
    }

    private static StarPartner.AffiliateShare affiliateOf(StarMovement m) {
        return m.partner() instanceof StarPartner.User user ? user.affiliate() : null;
    }

    private static NewTransaction started(StarMovement m) {
        return StarsEntries.withdrawalStarted(ref("withdrawal", m, m.at()), m.stars());
    }

    private static Instant succeededAt(StarMovement m) {
        StarPartner.Fragment fragment = (StarPartner.Fragment) m.partner();
        return ((StarPartner.WithdrawalState.Succeeded) fragment.state()).at();
    }

    private static String unknown(StarMovement m) {
        if (m.partner() instanceof StarPartner.Unreadable unreadable) {
            return "unreadable " + unreadable.type() + " entry: " + unreadable.reason();
        }
        if (m.partner() instanceof StarPartner.User user) {
            return "a user transaction of type \"" + user.transactionType() + "\" "
                    + (m.incoming() ? "coming in" : "going out") + ", which Bot API 10.1 does not describe";
        }
        return "a " + m.partner().getClass().getSimpleName() + " entry " + (m.incoming() ? "coming in" : "going out")
                + ", a direction Bot API 10.1 does not describe for it";
    }

    private static EntryRef ref(String prefix, StarMovement m, Instant at) {
        Long buyerId = m.partner() instanceof StarPartner.User user ? user.buyer().telegramUserId() : null;
        return new EntryRef(prefix + ":" + m.id(), at, null, buyerId, m.id(), null);
    }

    private static Plan post(List<NewTransaction> transactions) {
        return new Plan.Post(transactions);
    }

    private static List<NewTransaction> join(NewTransaction first, List<NewTransaction> rest) {
        List<NewTransaction> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
