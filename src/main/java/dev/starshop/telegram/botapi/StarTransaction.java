package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One Stars transaction. {@code id} equals the payment's {@code telegram_payment_charge_id} for
 * payments and their refunds, which is what reconciliation matches on; incoming transactions have
 * a {@code source}, outgoing ones (refunds, withdrawals) a {@code receiver}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StarTransaction(
        String id,
        long amount,
        @Nullable Long nanostarAmount,
        long date,
        @Nullable TransactionPartner source,
        @Nullable TransactionPartner receiver) {
}
