package dev.starshop.ledger;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the ledger admin API: accounts by their stored names, amounts in minor units. */
final class LedgerViews {

    private LedgerViews() {
    }

    /** {@code balanceDecimal} renders {@code balance} with the currency's exponent ("-15.00", "50"). */
    @Serdeable
    record BalanceView(String account, String currency, long debits, long credits, long balance,
                       String balanceDecimal) {

        /** For Stars, {@code balanceDecimal} is exact, fractions of a Star included ("12.5"). */
        static BalanceView of(AccountBalance b, CurrencyTable currencies) {
            return new BalanceView(b.account().dbName(), b.currency(), b.debits(), b.credits(), b.balance(),
                    b.stars() != null ? b.stars().decimalText() : decimal(b.balance(), b.currency(), currencies));
        }
    }

    /** {@code nanos}: the nanostars beyond {@code amount} (Stars only, else 0); {@code amountDecimal} is exact. */
    @Serdeable
    record PostingView(String account, long amount, int nanos, String side, String amountDecimal) {
    }

    @Serdeable
    record TransactionView(long id, String externalKey, String kind, String currency, Instant occurredAt,
                           Instant recordedAt, @Nullable UUID orderId, @Nullable Long buyerId,
                           @Nullable String telegramChargeId, @Nullable String providerChargeId,
                           @Nullable Long reversesTransactionId, List<PostingView> postings) {

        static TransactionView of(LedgerTransaction t, CurrencyTable currencies) {
            List<PostingView> postings = t.postings().stream().map(p -> new PostingView(p.account().dbName(),
                    p.amount(), p.nanos(), p.isDebit() ? "debit" : "credit", p.nanos() != 0
                            ? p.stars().decimalText() : decimal(p.amount(), t.currency(), currencies)))
                    .toList();
            return new TransactionView(t.id(), t.externalKey(), t.kind().name(), t.currency(), t.occurredAt(),
                    t.recordedAt(), t.orderId(), t.buyerId(), t.telegramChargeId(), t.providerChargeId(),
                    t.reversesTransactionId(), postings);
        }
    }

    /** A currency the table no longer knows still shows its minor units rather than failing the page. */
    private static String decimal(long amount, String code, CurrencyTable currencies) {
        return currencies.find(code).map(c -> new Money(amount, c).decimalText()).orElse(Long.toString(amount));
    }
}
