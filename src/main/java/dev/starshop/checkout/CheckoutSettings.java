package dev.starshop.checkout;

import dev.starshop.platform.problem.ProblemCode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the shop asks of card buyers: contact fields, tips per currency and shipping rates.
 * Tips and rates are JSON so that one environment variable can carry them
 * ({@code STARSHOP_CHECKOUT_TIPS}, {@code STARSHOP_CHECKOUT_SHIPPING}); see docs/payments.md.
 */
@Singleton
public class CheckoutSettings {

    private final boolean needName;
    private final boolean needPhoneNumber;
    private final boolean needEmail;
    private final Map<String, TipPolicy> tips;
    private final List<ShippingRate> shipping;

    CheckoutSettings(JsonMapper json,
                     @Value("${starshop.checkout.need-name:false}") boolean needName,
                     @Value("${starshop.checkout.need-phone-number:false}") boolean needPhoneNumber,
                     @Value("${starshop.checkout.need-email:false}") boolean needEmail,
                     @Value("${starshop.checkout.tips:{}}") String tips,
                     @Value("${starshop.checkout.shipping:[]}") String shipping) {
        this.needName = needName;
        this.needPhoneNumber = needPhoneNumber;
        this.needEmail = needEmail;
        this.tips = parse(json, tips, Argument.mapOf(String.class, TipPolicy.class), "starshop.checkout.tips");
        this.shipping = parse(json, shipping, Argument.listOf(ShippingRate.class), "starshop.checkout.shipping");
    }

    boolean needName() {
        return needName;
    }

    boolean needPhoneNumber() {
        return needPhoneNumber;
    }

    boolean needEmail() {
        return needEmail;
    }

    Optional<TipPolicy> tips(String currency) {
        return Optional.ofNullable(tips.get(currency));
    }

    /** The rates that deliver to this country (ISO 3166-1 alpha-2) and are priced in the currency. */
    List<ShippingRate> ratesFor(String countryCode, String currency) {
        return shipping.stream().filter(rate -> rate.delivers(countryCode) && rate.prices().containsKey(currency))
                .toList();
    }

    Optional<ShippingRate> rate(String id) {
        return shipping.stream().filter(rate -> rate.id().equals(id)).findFirst();
    }

    private static <T> T parse(JsonMapper json, String text, Argument<T> type, String property) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException(property + " is not valid JSON of the documented shape ("
                    + ProblemCode.INVALID_REQUEST.slug() + "): " + e.getMessage());
        }
    }

    /** @param maxAmount largest tip in minor units; @param suggested up to four increasing amounts */
    @Serdeable
    record TipPolicy(long maxAmount, @Nullable List<Long> suggested) {
    }

    /**
     * @param countries ISO codes this rate delivers to; "*" means everywhere
     * @param prices    price per currency in minor units
     */
    @Serdeable
    record ShippingRate(String id, String title, List<String> countries, Map<String, Long> prices) {
        boolean delivers(String countryCode) {
            return countries.contains("*") || countries.contains(countryCode);
        }
    }
}
