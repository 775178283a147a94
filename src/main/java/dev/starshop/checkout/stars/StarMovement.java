package dev.starshop.checkout.stars;

import dev.starshop.money.StarQuantity;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of Telegram's Stars history in the shop's terms, decoded once by the Telegram adapter.
 *
 * @param id       Telegram's transaction id (a payment's charge id; a refund repeats its payment's id)
 * @param incoming true when Stars came into the bot's balance ({@code source}), false when they left it
 *                 ({@code receiver})
 * @param stars    the exact quantity moved, positive: {@code amount} plus {@code nanostar_amount}
 * @param at       Telegram's {@code date}
 */
public record StarMovement(String id, boolean incoming, StarQuantity stars, Instant at, StarPartner partner) {

    public StarMovement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stars, "stars");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(partner, "partner");
    }

    /** What it does to the bot's balance: positive when incoming. */
    public StarQuantity balanceEffect() {
        return incoming ? stars : stars.negate();
    }
}
