package dev.starshop.checkout.stars;

import dev.starshop.ledger.Account;
import dev.starshop.ledger.EntryKind;
import dev.starshop.ledger.NewTransaction;
import dev.starshop.ledger.Posting;
import dev.starshop.money.StarQuantity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.starshop.checkout.stars.StarMovements.AT;
import static dev.starshop.checkout.stars.StarMovements.in;
import static dev.starshop.checkout.stars.StarMovements.out;
import static dev.starshop.checkout.stars.StarMovements.user;
import static dev.starshop.ledger.Account.AFFILIATE_COMMISSIONS;
import static dev.starshop.ledger.Account.AFFILIATE_INCOME;
import static dev.starshop.ledger.Account.GIFTS_EXPENSE;
import static dev.starshop.ledger.Account.SALES_REVENUE;
import static dev.starshop.ledger.Account.STARS_IN_TRANSIT;
import static dev.starshop.ledger.Account.STARS_WITHDRAWN;
import static dev.starshop.ledger.Account.TELEGRAM_FEES;
import static dev.starshop.ledger.Account.TELEGRAM_STARS_RECEIVABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What each kind books: balanced postings in exact nanostars, keyed by Telegram's transaction id. */
class StarBookingsTest {

    private static final StarHistory EMPTY = StarHistory.of(List.of());

    @Test
    void aPaidMediaSaleWithAnAffiliateBooksTheGrossSaleAndTheCommissionToTheNanostar() {
        // The buyer paid 100 Stars; the affiliate took 12.5 (125 per mille) and 87.5 reached the bot.
        StarPartner.AffiliateShare share = new StarPartner.AffiliateShare(700002L, null, 125,
                StarQuantity.of(12, 500_000_000));
        StarMovement sale = in("m1", StarQuantity.of(87, 500_000_000), user("paid_media_payment", share));

        List<NewTransaction> txs = post(sale, StarKind.PAID_MEDIA_SALE, EMPTY);

        assertEquals(List.of("paid-media:m1", "affiliate-commission:m1"), keys(txs));
        assertEquals(EntryKind.PAID_MEDIA, txs.get(0).kind());
        assertEquals(List.of(new Posting(TELEGRAM_STARS_RECEIVABLE, 100), new Posting(SALES_REVENUE, -100)),
                txs.get(0).postings());
        assertEquals(List.of(new Posting(AFFILIATE_COMMISSIONS, 12, 500_000_000),
                new Posting(TELEGRAM_STARS_RECEIVABLE, -12, -500_000_000)), txs.get(1).postings());
        assertEquals(StarQuantity.of(87, 500_000_000), receivableChange(txs), "the receivable grows by what reached the bot");
    }

    @Test
    void anInvoicePaymentWithAnAffiliateAddsOnlyTheCommission() {
        StarPartner.AffiliateShare share = new StarPartner.AffiliateShare(null, -1001L, 200, StarQuantity.ofStars(10));
        List<NewTransaction> txs = post(in("c1", StarQuantity.ofStars(40), user("invoice_payment", share)),
                StarKind.INVOICE_PAYMENT, EMPTY);

        assertEquals(List.of("affiliate-commission:c1"), keys(txs));
        assertEquals(EntryKind.AFFILIATE_COMMISSION, txs.get(0).kind());
        assertEquals(50, StarBookings.gross(in("c1", StarQuantity.ofStars(40), user("invoice_payment", share)))
                .wholeStars(), "the payment itself is booked at what the buyer paid");
    }

    @Test
    void giftsPremiumAndChatGiftsAreGiftsExpense() {
        for (StarMovement gift : List.of(out("g1", StarQuantity.ofStars(25), user("gift_purchase")),
                out("g1", StarQuantity.ofStars(25), user("premium_purchase")),
                out("g1", StarQuantity.ofStars(25), new StarPartner.Chat(-100, "gift")))) {
            List<NewTransaction> txs = post(gift, StarClassifier.classify(gift, java.util.Set.of()), EMPTY);
            assertEquals(List.of("gift:g1"), keys(txs));
            assertEquals(List.of(new Posting(GIFTS_EXPENSE, 25), new Posting(TELEGRAM_STARS_RECEIVABLE, -25)),
                    txs.get(0).postings());
        }
    }

    @Test
    void affiliateIncomeKeepsItsFraction() {
        List<NewTransaction> txs = post(in("a1", StarQuantity.of(0, 750_000_000),
                new StarPartner.AffiliateProgram(7L, 100)), StarKind.AFFILIATE_INCOME, EMPTY);
        assertEquals(List.of(new Posting(TELEGRAM_STARS_RECEIVABLE, 0, 750_000_000),
                new Posting(AFFILIATE_INCOME, 0, -750_000_000)), txs.get(0).postings());
    }

    @Test
    void adsTopUpsAndApiFeesAreTelegramFees() {
        List<NewTransaction> ads = post(out("ad1", StarQuantity.ofStars(300), new StarPartner.TelegramAds()),
                StarKind.ADS_TOP_UP, EMPTY);
        List<NewTransaction> api = post(out("api1", StarQuantity.of(3, 300_000_000), new StarPartner.TelegramApi(33)),
                StarKind.API_FEE, EMPTY);
        assertEquals(List.of(new Posting(TELEGRAM_FEES, 300), new Posting(TELEGRAM_STARS_RECEIVABLE, -300)),
                ads.get(0).postings());
        assertEquals(List.of(new Posting(TELEGRAM_FEES, 3, 300_000_000),
                new Posting(TELEGRAM_STARS_RECEIVABLE, -3, -300_000_000)), api.get(0).postings());
        assertEquals(List.of("fee:ad1"), keys(ads));
    }

    @Test
    void aWithdrawalGoesInTransitThenWithdrawnAtTheDateFragmentGave() {
        Instant done = AT.plusSeconds(3600);
        StarMovement pending = out("w1", StarQuantity.ofStars(1000), new StarPartner.Fragment(
                new StarPartner.WithdrawalState.Pending()));
        StarMovement succeeded = out("w1", StarQuantity.ofStars(1000), new StarPartner.Fragment(
                new StarPartner.WithdrawalState.Succeeded(done, "https://fragment.com/tx/w1")));

        List<NewTransaction> first = post(pending, StarKind.WITHDRAWAL_PENDING, EMPTY);
        List<NewTransaction> later = post(succeeded, StarKind.WITHDRAWAL_SUCCEEDED, EMPTY);

        assertEquals(first, later.subList(0, 1), "the start is the same transaction in both runs");
        assertEquals(List.of(new Posting(STARS_IN_TRANSIT, 1000), new Posting(TELEGRAM_STARS_RECEIVABLE, -1000)),
                first.get(0).postings());
        assertEquals("withdrawal-succeeded:w1", later.get(1).externalKey());
        assertEquals(done, later.get(1).occurredAt());
        assertEquals(List.of(new Posting(STARS_WITHDRAWN, 1000), new Posting(STARS_IN_TRANSIT, -1000)),
                later.get(1).postings());
    }

    @Test
    void aFailedWithdrawalReturnsItsStarsAtTheDateOfFragmentsRefund() {
        Instant returned = AT.plusSeconds(7200);
        StarMovement failed = out("w2", StarQuantity.ofStars(500), new StarPartner.Fragment(
                new StarPartner.WithdrawalState.Failed()));
        StarMovement refund = new StarMovement("w2", true, StarQuantity.ofStars(500), returned,
                new StarPartner.Fragment(null));
        StarHistory history = StarHistory.of(List.of(failed, refund));

        List<NewTransaction> txs = post(failed, StarKind.WITHDRAWAL_FAILED, history);

        assertEquals(List.of("withdrawal:w2", "withdrawal-returned:w2"), keys(txs));
        assertEquals(returned, txs.get(1).occurredAt());
        assertEquals(List.of(new Posting(TELEGRAM_STARS_RECEIVABLE, 500), new Posting(STARS_IN_TRANSIT, -500)),
                txs.get(1).postings());
        assertEquals(List.of(), post(refund, StarKind.WITHDRAWAL_RETURN, history), "booked with the withdrawal");
        assertEquals(StarQuantity.ZERO, receivableChange(txs));
    }

    @Test
    void whatTheSpecDoesNotDescribeIsNeverBooked() {
        for (StarMovement m : List.of(in("x", StarQuantity.ofStars(5), new StarPartner.Other()),
                in("x", StarQuantity.ofStars(5), user("business_account_transfer")),
                in("x", StarQuantity.ofStars(5), new StarPartner.Chat(-1, null)),
                in("x", StarQuantity.ofStars(5), new StarPartner.Unreadable("telegram_stars_bank", "new")),
                in("x", StarQuantity.ofStars(5), new StarPartner.Fragment(null)))) {
            StarHistory history = StarHistory.of(List.of(m));
            assertInstanceOf(StarBookings.Plan.NotBooked.class, StarBookings.plan(m, history.classify(m), history),
                    m::toString);
        }
    }

    private static List<NewTransaction> post(StarMovement m, StarKind kind, StarHistory history) {
        return ((StarBookings.Plan.Post) StarBookings.plan(m, kind, history)).transactions();
    }

    private static List<String> keys(List<NewTransaction> txs) {
        return txs.stream().map(NewTransaction::externalKey).toList();
    }

    private static StarQuantity receivableChange(List<NewTransaction> txs) {
        return txs.stream().flatMap(t -> t.postings().stream())
                .filter(p -> p.account() == Account.TELEGRAM_STARS_RECEIVABLE).map(Posting::stars)
                .reduce(StarQuantity.ZERO, StarQuantity::plus);
    }
}
