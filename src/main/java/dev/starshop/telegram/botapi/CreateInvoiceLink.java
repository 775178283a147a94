package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * Request of {@code createInvoiceLink}, every field of the spec. Absent optionals are left out of
 * the JSON so Telegram applies its own defaults. {@link InvoiceRules} checks it before sending.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateInvoiceLink(
        @Nullable String businessConnectionId,
        String title,
        String description,
        String payload,
        @Nullable String providerToken,
        String currency,
        List<LabeledPrice> prices,
        @Nullable Integer subscriptionPeriod,
        @Nullable Long maxTipAmount,
        @Nullable List<Long> suggestedTipAmounts,
        @Nullable String providerData,
        @Nullable String photoUrl,
        @Nullable Integer photoSize,
        @Nullable Integer photoWidth,
        @Nullable Integer photoHeight,
        @Nullable Boolean needName,
        @Nullable Boolean needPhoneNumber,
        @Nullable Boolean needEmail,
        @Nullable Boolean needShippingAddress,
        @Nullable Boolean sendPhoneNumberToProvider,
        @Nullable Boolean sendEmailToProvider,
        @Nullable Boolean isFlexible) {

    public static final String STARS = "XTR";
    /** The only subscription period Telegram accepts today: 30 days. */
    public static final int THIRTY_DAYS = 2592000;

    /** A one-off Stars invoice: empty provider token, one price, no tips. */
    public static CreateInvoiceLink stars(String title, String description, String payload, LabeledPrice price) {
        return new CreateInvoiceLink(null, title, description, payload, "", STARS, List.of(price),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A card invoice through the payment provider; the price may have several components. */
    public static CreateInvoiceLink card(String title, String description, String payload, String providerToken,
                                         String currency, List<LabeledPrice> prices) {
        return new CreateInvoiceLink(null, title, description, payload, providerToken, currency, prices,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CreateInvoiceLink withSubscriptionPeriod(@Nullable Integer seconds) {
        return new CreateInvoiceLink(businessConnectionId, title, description, payload, providerToken, currency,
                prices, seconds, maxTipAmount, suggestedTipAmounts, providerData, photoUrl, photoSize, photoWidth,
                photoHeight, needName, needPhoneNumber, needEmail, needShippingAddress, sendPhoneNumberToProvider,
                sendEmailToProvider, isFlexible);
    }

    public CreateInvoiceLink withTips(@Nullable Long maxTip, @Nullable List<Long> suggested) {
        return new CreateInvoiceLink(businessConnectionId, title, description, payload, providerToken, currency,
                prices, subscriptionPeriod, maxTip, suggested, providerData, photoUrl, photoSize, photoWidth,
                photoHeight, needName, needPhoneNumber, needEmail, needShippingAddress, sendPhoneNumberToProvider,
                sendEmailToProvider, isFlexible);
    }

    public CreateInvoiceLink withShipping(boolean needShippingAddress, boolean isFlexible) {
        return new CreateInvoiceLink(businessConnectionId, title, description, payload, providerToken, currency,
                prices, subscriptionPeriod, maxTipAmount, suggestedTipAmounts, providerData, photoUrl, photoSize,
                photoWidth, photoHeight, needName, needPhoneNumber, needEmail, needShippingAddress,
                sendPhoneNumberToProvider, sendEmailToProvider, isFlexible);
    }

    public CreateInvoiceLink withPhoto(@Nullable String url) {
        return new CreateInvoiceLink(businessConnectionId, title, description, payload, providerToken, currency,
                prices, subscriptionPeriod, maxTipAmount, suggestedTipAmounts, providerData, url, photoSize,
                photoWidth, photoHeight, needName, needPhoneNumber, needEmail, needShippingAddress,
                sendPhoneNumberToProvider, sendEmailToProvider, isFlexible);
    }

    /** Which contact fields Telegram collects from the buyer (ignored for Stars). */
    public CreateInvoiceLink withContactFields(boolean name, boolean phoneNumber, boolean email) {
        return new CreateInvoiceLink(businessConnectionId, title, description, payload, providerToken, currency,
                prices, subscriptionPeriod, maxTipAmount, suggestedTipAmounts, providerData, photoUrl, photoSize,
                photoWidth, photoHeight, name ? Boolean.TRUE : null, phoneNumber ? Boolean.TRUE : null,
                email ? Boolean.TRUE : null, needShippingAddress, sendPhoneNumberToProvider, sendEmailToProvider,
                isFlexible);
    }

    public boolean isStars() {
        return STARS.equals(currency);
    }

    /** The provider token is a secret: keep it out of logs. */
    @Override
    public String toString() {
        return "CreateInvoiceLink[title=" + title + ", currency=" + currency + ", prices=" + prices
                + ", payload=" + payload + ", subscriptionPeriod=" + subscriptionPeriod
                + ", providerToken=" + (providerToken == null || providerToken.isEmpty() ? "<none>" : "<set>") + "]";
    }
}
