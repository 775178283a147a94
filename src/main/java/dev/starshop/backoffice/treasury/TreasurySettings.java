package dev.starshop.backoffice.treasury;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code starshop.treasury.*}.
 *
 * @param holdDays how many days after they are earned Stars stay held before Telegram lets the bot
 *                 withdraw them (Telegram states 21; see docs/treasury.md)
 */
@ConfigurationProperties("starshop.treasury")
public record TreasurySettings(@Bindable(defaultValue = "21") int holdDays) {

    public TreasurySettings {
        if (holdDays < 0 || holdDays > 366) {
            throw new IllegalArgumentException("starshop.treasury.hold-days must be 0-366, is " + holdDays);
        }
    }
}
