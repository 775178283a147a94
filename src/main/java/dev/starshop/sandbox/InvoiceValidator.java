package dev.starshop.sandbox;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * createInvoiceLink's checks, in the order Telegram applies them. Reasons without a source in
 * the brief are marked "unverified" in docs/sandbox.md.
 */
final class InvoiceValidator {

    static final long SUBSCRIPTION_PERIOD = 2_592_000L;
    static final long MAX_SUBSCRIPTION_STARS = 10_000L;

    private final CurrencyTable currencies;

    InvoiceValidator(CurrencyTable currencies) {
        this.currencies = currencies;
    }

    Invoice validate(Params p, String slug) {
        String title = p.requiredString("title");
        String description = p.requiredString("description");
        String payload = p.requiredString("payload");
        checkLength(title.codePointCount(0, title.length()), 32, "INVOICE_TITLE_INVALID");
        checkLength(description.codePointCount(0, description.length()), 255, "INVOICE_DESCRIPTION_INVALID");
        checkLength(payload.getBytes(StandardCharsets.UTF_8).length, 128, "INVOICE_PAYLOAD_INVALID");
        Currency currency = currencies.find(p.requiredString("currency"))
                .orElseThrow(() -> BotApiError.badRequest("CURRENCY_INVALID"));
        List<Object> labeled = labeledPrices(p);
        List<Long> prices = labeled.stream().map(price -> ((Number) ((Map<?, ?>) price).get("amount")).longValue())
                .toList();
        List<String> labels = labeled.stream().map(price -> (String) ((Map<?, ?>) price).get("label")).toList();
        long maxTip = p.longValue("max_tip_amount") == null ? 0 : p.longValue("max_tip_amount");
        checkProvider(p, currency, prices, maxTip);
        checkTips(p, maxTip);
        Long period = subscriptionPeriod(p, currency, prices);
        checkTotal(currency, prices.stream().mapToLong(Long::longValue).sum());
        return new Invoice(slug, title, description, payload, currency.code(), prices, labels, maxTip, suggestedTips(p), period,
                p.bool("need_name"), p.bool("need_phone_number"), p.bool("need_email"),
                p.bool("need_shipping_address"), p.bool("is_flexible"));
    }

    /** Kept so the host's invoice sheet can offer the same tip buttons Telegram would. */
    private static List<Long> suggestedTips(Params p) {
        List<Object> suggested = p.list("suggested_tip_amounts");
        return suggested == null ? List.of()
                : suggested.stream().map(tip -> ((Number) tip).longValue()).toList();
    }

    private static void checkLength(int length, int max, String reason) {
        if (length < 1 || length > max) {
            throw BotApiError.badRequest(reason);
        }
    }

    /**
     * The price breakdown as sent, each a {@code LabeledPrice}. A component may be negative (the
     * Bot API names "discount" among them); only the sum is held to the currency's limits, in
     * {@link #checkTotal}, and Stars invoices carry exactly one component.
     */
    private static List<Object> labeledPrices(Params p) {
        List<Object> raw = p.list("prices");
        if (raw == null) {
            throw BotApiError.badRequest("parameter \"prices\" is required");
        }
        for (Object item : raw) {
            if (!(item instanceof Map<?, ?> price) || !(price.get("amount") instanceof Number)
                    || !(price.get("label") instanceof String)) {
                throw BotApiError.badRequest("can't parse prices JSON object");
            }
        }
        if (raw.isEmpty()) {
            throw BotApiError.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        }
        return raw;
    }

    /** Stars: no provider token, exactly one price, no tips. Fiat: a provider token. */
    private static void checkProvider(Params p, Currency currency, List<Long> prices, long maxTip) {
        String token = p.string("provider_token");
        boolean hasToken = token != null && !token.isEmpty();
        if (currency.isStars() && hasToken || !currency.isStars() && !hasToken) {
            throw BotApiError.badRequest("PAYMENT_PROVIDER_INVALID");
        }
        // An empty suggested_tip_amounts suggests no tips, like max_tip_amount's default of 0.
        List<Object> suggested = p.list("suggested_tip_amounts");
        boolean tips = maxTip > 0 || suggested != null && !suggested.isEmpty();
        if (currency.isStars() && (prices.size() != 1 || tips)) {
            throw BotApiError.badRequest("STARS_INVOICE_INVALID");
        }
    }

    private static void checkTips(Params p, long maxTip) {
        List<Object> suggested = p.list("suggested_tip_amounts");
        if (maxTip < 0) {
            throw BotApiError.badRequest("max_tip_amount must be non-negative");
        }
        if (suggested == null) {
            return;
        }
        if (suggested.size() > 4) {
            throw BotApiError.badRequest("too many suggested tip amounts specified");
        }
        long previous = 0;
        for (Object tip : suggested) {
            long amount = tip instanceof Number n ? n.longValue() : -1;
            if (amount <= previous || amount > maxTip) {
                throw BotApiError.badRequest("suggested tip amounts must be positive, increasing and at most max_tip_amount");
            }
            previous = amount;
        }
    }

    private static Long subscriptionPeriod(Params p, Currency currency, List<Long> prices) {
        Long period = p.longValue("subscription_period");
        if (period == null) {
            return null;
        }
        if (period != SUBSCRIPTION_PERIOD || !currency.isStars()) {
            throw BotApiError.badRequest("SUBSCRIPTION_PERIOD_INVALID");
        }
        if (prices.get(0) > MAX_SUBSCRIPTION_STARS) {
            throw BotApiError.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        }
        return period;
    }

    private static void checkTotal(Currency currency, long total) {
        if (total < currency.minAmount() || total > currency.maxAmount()) {
            throw BotApiError.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        }
    }
}
