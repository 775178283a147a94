package dev.starshop.checkout;

import java.util.Optional;
import java.util.UUID;

/** The invoice payload: the order id as text (36 bytes, within Telegram's 128), nothing personal. */
final class InvoicePayload {

    private InvoicePayload() {
    }

    static String of(UUID orderId) {
        return orderId.toString();
    }

    /** The order a payload names, or empty for a payload this engine did not issue. */
    static Optional<UUID> orderId(String payload) {
        try {
            return Optional.of(UUID.fromString(payload));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
