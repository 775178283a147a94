package dev.starshop.backoffice.reconciliation;

import dev.starshop.checkout.stars.StarMovement;
import dev.starshop.money.StarQuantity;

/**
 * Something that makes Telegram's balance and the ledger differ after a run.
 *
 * @param effect how much it puts Telegram's balance above the ledger's (negative: below)
 */
record Unbooked(String telegramId, String kind, StarQuantity effect, String reason) {

    static Unbooked of(StarMovement m, String kind, String reason) {
        return new Unbooked(m.id(), kind, m.balanceEffect(), reason);
    }
}
