package dev.starshop.telegram.botapi;

import dev.starshop.support.TelegramUpdates;

/** Updates as getUpdates returns them, with a member from a later Bot API the client must skip. */
final class Samples {

    static final String SUCCESSFUL_PAYMENT_UPDATE = TelegramUpdates.successfulPayment().updateId(10).messageId(5)
            .date(1700000000L).buyer(42, "Ada").currency("XTR").total(250).payload("order:42")
            .firstRecurring(1702592000L).charge("stxCharge1").providerCharge("")
            .with("a_field_from_the_future", 1).json();

    static final String PRE_CHECKOUT_UPDATE = TelegramUpdates.preCheckoutQuery().updateId(11).queryId("4242")
            .buyer(42, "Ada").currency("XTR").total(250).payload("order:42").json();

    private Samples() {
    }
}
