package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The limits Bot API 10.1 documents for payment requests (createInvoiceLink, answerPreCheckoutQuery,
 * answerShippingQuery), checked before sending: a refusal we can predict costs no round-trip and
 * gets a message that names the rule. Lengths count UTF-16 units, which is never less than the
 * number of characters, so we err on the side Telegram accepts.
 */
public final class InvoiceRules {

    static final int TITLE_MAX = 32;
    static final int DESCRIPTION_MAX = 255;
    static final int PAYLOAD_MAX_BYTES = 128;
    static final int MAX_SUGGESTED_TIPS = 4;
    static final long SUBSCRIPTION_MAX_STARS = 10_000;

    private static final String CREATE = "createInvoiceLink";

    private InvoiceRules() {
    }

    public static void check(CreateInvoiceLink invoice) {
        length("title", invoice.title(), TITLE_MAX);
        length("description", invoice.description(), DESCRIPTION_MAX);
        payload(invoice.payload());
        prices(invoice.prices());
        if (invoice.isStars()) {
            starsRules(invoice);
        } else {
            fiatRules(invoice);
        }
        tips(invoice.maxTipAmount(), invoice.suggestedTipAmounts());
    }

    public static void check(AnswerPreCheckoutQuery answer) {
        if (!answer.ok()) {
            require(hasText(answer.errorMessage()), "answerPreCheckoutQuery",
                    "error_message is required when ok is false");
        }
    }

    public static void check(AnswerShippingQuery answer) {
        if (answer.ok()) {
            require(answer.shippingOptions() != null && !answer.shippingOptions().isEmpty(), "answerShippingQuery",
                    "shipping_options are required when ok is true");
        } else {
            require(hasText(answer.errorMessage()), "answerShippingQuery",
                    "error_message is required when ok is false");
        }
    }

    private static void length(String field, @Nullable String value, int max) {
        int length = value == null ? 0 : value.length();
        require(length >= 1 && length <= max, CREATE, field + " must be 1-" + max + " characters, is " + length);
    }

    private static void payload(@Nullable String payload) {
        int bytes = payload == null ? 0 : payload.getBytes(StandardCharsets.UTF_8).length;
        require(bytes >= 1 && bytes <= PAYLOAD_MAX_BYTES, CREATE,
                "payload must be 1-" + PAYLOAD_MAX_BYTES + " bytes in UTF-8, is " + bytes);
    }

    private static void prices(@Nullable List<LabeledPrice> prices) {
        require(prices != null && !prices.isEmpty(), CREATE, "prices must not be empty");
        for (LabeledPrice price : prices) {
            require(hasText(price.label()), CREATE, "every price needs a non-empty label");
        }
        long total = prices.stream().mapToLong(LabeledPrice::amount).sum();
        require(total > 0, CREATE, "the total of prices must be positive, is " + total);
    }

    private static void starsRules(CreateInvoiceLink invoice) {
        require(invoice.providerToken() == null || invoice.providerToken().isEmpty(), CREATE,
                "XTR (Stars) invoices need an empty provider_token");
        require(invoice.prices().size() == 1, CREATE,
                "XTR (Stars) invoices need exactly one price, has " + invoice.prices().size());
        boolean noTips = (invoice.maxTipAmount() == null || invoice.maxTipAmount() == 0)
                && (invoice.suggestedTipAmounts() == null || invoice.suggestedTipAmounts().isEmpty());
        require(noTips, CREATE, "XTR (Stars) invoices do not support tips");
        Integer period = invoice.subscriptionPeriod();
        if (period != null) {
            require(period == CreateInvoiceLink.THIRTY_DAYS, CREATE,
                    "subscription_period must be " + CreateInvoiceLink.THIRTY_DAYS + " (30 days), is " + period);
            long amount = invoice.prices().get(0).amount();
            require(amount <= SUBSCRIPTION_MAX_STARS, CREATE,
                    "a subscription costs at most " + SUBSCRIPTION_MAX_STARS + " Stars, is " + amount);
        }
    }

    private static void fiatRules(CreateInvoiceLink invoice) {
        require(hasText(invoice.providerToken()), CREATE,
                invoice.currency() + " invoices need a payment provider_token");
        require(invoice.subscriptionPeriod() == null, CREATE, "subscription_period is only allowed with XTR");
    }

    private static void tips(@Nullable Long maxTip, @Nullable List<Long> suggested) {
        require(maxTip == null || maxTip >= 0, CREATE, "max_tip_amount must not be negative, is " + maxTip);
        if (suggested == null || suggested.isEmpty()) {
            return;
        }
        require(suggested.size() <= MAX_SUGGESTED_TIPS, CREATE,
                "at most " + MAX_SUGGESTED_TIPS + " suggested_tip_amounts, has " + suggested.size());
        long previous = 0;
        for (Long tip : suggested) {
            require(tip != null && tip > previous, CREATE,
                    "suggested_tip_amounts must be positive and strictly increasing");
            require(maxTip != null && tip <= maxTip, CREATE,
                    "suggested_tip_amounts must not exceed max_tip_amount");
            previous = tip;
        }
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String method, String rule) {
        if (!condition) {
            throw new BotApiRequestInvalidException(method, rule);
        }
    }
}
