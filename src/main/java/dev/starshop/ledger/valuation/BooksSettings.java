package dev.starshop.ledger.valuation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code starshop.books.*}.
 *
 * @param reportingCurrency the currency Stars are valued in (ISO 4217, from Telegram's currency table,
 *                          never {@code XTR}); checked at start-up by {@link ReportingCurrency}
 */
@ConfigurationProperties("starshop.books")
public record BooksSettings(@Bindable(defaultValue = "USD") String reportingCurrency) {
}
