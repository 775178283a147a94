package dev.starshop.sandbox;

/**
 * One successful payment as Telegram records it.
 *
 * @param subscriptionPeriod seconds, for subscription charges only
 * @param date               Unix time of the payment
 */
record Charge(String telegramChargeId, String providerChargeId, long userId, String currency,
              long totalAmount, String invoicePayload, Long subscriptionPeriod, long date) {

    boolean isStars() {
        return "XTR".equals(currency);
    }
}
