package dev.starshop.telegram.bot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The shop's own words in the bot. Telegram expects payment bots to answer /paysupport and /terms.
 *
 * @param name        shown in the welcome message
 * @param supportText answer to /paysupport: how buyers reach the shop about a payment
 * @param termsText   answer to /terms
 */
@ConfigurationProperties("starshop.shop")
public record ShopTexts(
        @Bindable(defaultValue = "Starshop") String name,
        @Bindable(defaultValue = "Questions about a payment? Reply here with your order number and we will "
                + "answer within one business day. Refunds are decided by the shop, not by Telegram.")
        String supportText,
        @Bindable(defaultValue = "Digital goods are delivered at once after payment. Physical goods ship "
                + "within 5 business days. Subscriptions renew every 30 days until cancelled; you can "
                + "cancel at any time in the shop.")
        String termsText) {
}
