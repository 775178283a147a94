package dev.starshop.checkout.stars;

import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.ledger.LedgerTransaction;
import dev.starshop.ledger.NewTransaction;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Books the Stars movements beyond invoice payments (gifts, paid media, affiliates, withdrawals,
 * fees) into the ledger, each in its own transaction and idempotent by the ledger's keys.
 */
@Singleton
public class StarsBook {

    /** What booking one movement did. */
    public enum Outcome { BOOKED, ALREADY_BOOKED, NOT_BOOKED }

    /** @param detail the accounts touched, or why nothing was booked */
    public record Booking(Outcome outcome, String detail) {
    }

    private final Ledger ledger;

    StarsBook(Ledger ledger) {
        this.ledger = ledger;
    }

    @Transactional
    public Booking book(StarMovement movement, StarKind kind, StarHistory history) {
        if (kind == StarKind.PAID_MEDIA_REFUND) {
            return paidMediaRefund(movement);
        }
        StarBookings.Plan plan = StarBookings.plan(movement, kind, history);
        if (plan instanceof StarBookings.Plan.NotBooked notBooked) {
            return new Booking(Outcome.NOT_BOOKED, notBooked.reason());
        }
        return post(((StarBookings.Plan.Post) plan).transactions());
    }

    private Booking post(List<NewTransaction> transactions) {
        List<NewTransaction> fresh = transactions.stream()
                .filter(tx -> ledger.byExternalKey(tx.externalKey()).isEmpty()).toList();
        transactions.forEach(ledger::post); // the known ones too: a changed content is a conflict, not a replay
        if (fresh.isEmpty()) {
            return new Booking(Outcome.ALREADY_BOOKED, "");
        }
        return new Booking(Outcome.BOOKED, String.join("; ", fresh.stream().map(StarsBook::describe).toList()));
    }

    /** A paid-media purchase given back reverses its sale, whole, like an invoice refund. */
    private Booking paidMediaRefund(StarMovement movement) {
        Optional<LedgerTransaction> sale = ledger.byExternalKey("paid-media:" + movement.id());
        if (sale.isEmpty() || !movement.stars().isWhole()) {
            return new Booking(Outcome.NOT_BOOKED, "a refund of paid media whose sale is not booked, or a "
                    + "fractional one");
        }
        Money amount = new Money(movement.stars().wholeStars(), CurrencyTable.STARS);
        return post(List.of(LedgerEntries.refundOf(sale.get(), amount, "paid-media-refund:" + movement.id(),
                movement.at())));
    }

    private static String describe(NewTransaction tx) {
        return tx.kind() + " " + tx.postings().stream()
                .map(p -> (p.isDebit() ? "Dr " : "Cr ") + p.account().dbName() + " " + p.stars().decimalText()
                        .replace("-", ""))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
