package dev.starshop.sandbox;

/**
 * Stripe's test cards as Telegram's Stripe TEST provider treats them. Only the listed numbers
 * are known; anything else fails, so a typo in a test cannot pass by accident.
 */
final class StripeTestCards {

    private StripeTestCards() {
    }

    /** Throws with Stripe's decline code when the card does not go through. */
    static void charge(String cardNumber) {
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        switch (digits) {
            case "4242424242424242", "5555555555554444" -> {
                // succeeds
            }
            case "4000000000000002" -> throw new PaymentFailed("card_declined");
            case "4000000000009995" -> throw new PaymentFailed("insufficient_funds");
            case "4000000000000069" -> throw new PaymentFailed("expired_card");
            default -> throw new PaymentFailed("incorrect_number");
        }
    }
}
