package dev.starshop.checkout.stars;

import dev.starshop.buyer.Buyer;
import dev.starshop.money.StarQuantity;

import java.time.Instant;

/** Stars movements as the Telegram adapter decodes them, for the pure tests. */
final class StarMovements {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    static final Buyer ALICE = new Buyer(100001, "Alice", null, "alice", "en", false);

    private StarMovements() {
    }

    static StarMovement in(String id, StarQuantity stars, StarPartner partner) {
        return new StarMovement(id, true, stars, AT, partner);
    }

    static StarMovement out(String id, StarQuantity stars, StarPartner partner) {
        return new StarMovement(id, false, stars, AT, partner);
    }

    static StarPartner.User user(String transactionType) {
        return user(transactionType, null);
    }

    static StarPartner.User user(String transactionType, StarPartner.AffiliateShare affiliate) {
        return new StarPartner.User(transactionType, ALICE, null, null, null, affiliate, null, null);
    }
}
