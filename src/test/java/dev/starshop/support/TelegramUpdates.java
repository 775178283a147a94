package dev.starshop.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Payment updates shaped exactly as Telegram sends them, built from the samples in
 * {@code src/test/resources/telegram/updates/}: a test sets what it cares about and keeps every
 * field Telegram fills in that the engine ignores.
 *
 * <pre>{@code
 * String json = TelegramUpdates.successfulPayment().updateId(id).buyer(ALICE).currency("XTR")
 *         .total(150).payload(orderId).charge("stx-1").json();
 * }</pre>
 *
 * Tests whose point is broken bytes (wrong JSON types, fuzzers) write their own JSON instead.
 */
public final class TelegramUpdates {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private TelegramUpdates() {
    }

    /** A {@code message.successful_payment}: Stars, no subscription, by default. */
    public static Update successfulPayment() {
        return new Update("successful_payment", List.of("message", "successful_payment"));
    }

    /** A {@code message.refunded_payment}: Telegram's report of a Stars refund. */
    public static Update refundedPayment() {
        return new Update("refunded_payment", List.of("message", "refunded_payment"));
    }

    /** A {@code pre_checkout_query}; its id is {@code q<update_id>} unless set. */
    public static Update preCheckoutQuery() {
        return new Update("pre_checkout_query", List.of("pre_checkout_query"));
    }

    /** A {@code shipping_query} for a flexible card invoice, with a Berlin address. */
    public static Update shippingQuery() {
        return new Update("shipping_query", List.of("shipping_query"));
    }

    /**
     * One update being built. Setters change the sample in place and refuse a field the kind does
     * not have, so a typo or a wrong kind fails loudly instead of sending something Telegram never would.
     */
    public static final class Update {

        /** Optional members Telegram leaves out when they do not apply, so they are not in the samples. */
        private static final Set<String> OPTIONAL = Set.of("subscription_expiration_date", "is_recurring",
                "is_first_recurring", "provider_payment_charge_id", "shipping_option_id", "order_info");

        private final String kind;
        private final List<String> path;
        private final Map<String, Object> root;
        /** Once set (or redelivered), message_id and the query id no longer follow update_id. */
        private boolean idsPinned;

        private Update(String kind, List<String> path) {
            this(kind, path, sample(kind), false);
        }

        private Update(String kind, List<String> path, Map<String, Object> root, boolean idsPinned) {
            this.kind = kind;
            this.path = path;
            this.root = root;
            this.idsPinned = idsPinned;
        }

        /**
         * Sets {@code update_id}; a message's {@code message_id} follows it (unless set), and a
         * query's id is {@code q<update_id>} (unless set).
         */
        public Update updateId(long updateId) {
            root.put("update_id", updateId);
            if (!idsPinned && message() != null) {
                message().put("message_id", updateId % 1_000_000 + 1);
            } else if (!idsPinned) {
                body().put("id", "q" + updateId);
            }
            return this;
        }

        public long updateId() {
            return ((Number) root.get("update_id")).longValue();
        }

        public Update messageId(long messageId) {
            requireMessage().put("message_id", messageId);
            idsPinned = true;
            return this;
        }

        /** The Unix time of the message (Telegram keeps it on every redelivery). */
        public Update date(long date) {
            requireMessage().put("date", date);
            return this;
        }

        /** The query's own id, which {@code answerPreCheckoutQuery} names. */
        public Update queryId(String id) {
            if (message() != null) {
                throw new IllegalStateException(kind + " is a message; it has no query id");
            }
            body().put("id", id);
            idsPinned = true;
            return this;
        }

        /** The Telegram user paying (and, for a message, their private chat with the bot). */
        public Update buyer(long userId) {
            from().put("id", userId);
            if (message() != null) {
                chat().put("id", userId);
            }
            return this;
        }

        /** The buyer with the first name Telegram shows for them. */
        public Update buyer(long userId, String firstName) {
            buyer(userId);
            from().put("first_name", firstName);
            if (message() != null) {
                chat().put("first_name", firstName);
            }
            return this;
        }

        /** The buyer's Telegram app language ({@code from.language_code}). */
        public Update language(String languageCode) {
            from().put("language_code", languageCode);
            return this;
        }

        public Update currency(String currency) {
            return set("currency", currency);
        }

        /** {@code total_amount}, in the currency's minor units (Stars are whole). */
        public Update total(long totalAmount) {
            return set("total_amount", totalAmount);
        }

        /** {@code invoice_payload}: the engine puts the order id there. */
        public Update payload(Object invoicePayload) {
            return set("invoice_payload", String.valueOf(invoicePayload));
        }

        /** {@code telegram_payment_charge_id}. */
        public Update charge(String telegramPaymentChargeId) {
            return set("telegram_payment_charge_id", telegramPaymentChargeId);
        }

        /** {@code provider_payment_charge_id}: empty for Stars, the card provider's id for cards. */
        public Update providerCharge(String providerPaymentChargeId) {
            return set("provider_payment_charge_id", providerPaymentChargeId);
        }

        /** A subscription's first payment: recurring, first, paid until {@code expiresAt} (Unix time). */
        public Update firstRecurring(long expiresAt) {
            return set("subscription_expiration_date", expiresAt).set("is_recurring", true)
                    .set("is_first_recurring", true);
        }

        /** A renewal: recurring; Telegram omits {@code is_first_recurring} rather than send false. */
        public Update renewal(long expiresAt) {
            return set("subscription_expiration_date", expiresAt).set("is_recurring", true);
        }

        /** An extra member of the payment or query, such as a field a later Bot API may add. */
        public Update with(String field, Object value) {
            body().put(field, value);
            return this;
        }

        /** The same message (same message_id and date) delivered again under another update_id. */
        public Update redeliveredAs(long newUpdateId) {
            Update copy = new Update(kind, path, deepCopy(root), true);
            copy.root.put("update_id", newUpdateId);
            return copy;
        }

        /** The update as Telegram posts it. */
        public String json() {
            try {
                return JSON.writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return json();
        }

        private Update set(String field, Object value) {
            Map<String, Object> body = body();
            if (!body.containsKey(field) && !OPTIONAL.contains(field)) {
                throw new IllegalArgumentException(kind + " has no field " + field);
            }
            body.put(field, value);
            return this;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> body() {
            Map<String, Object> node = root;
            for (String step : path) {
                node = (Map<String, Object>) node.get(step);
            }
            return node;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> message() {
            return (Map<String, Object>) root.get("message");
        }

        private Map<String, Object> requireMessage() {
            if (message() == null) {
                throw new IllegalStateException(kind + " is not a message");
            }
            return message();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> from() {
            return (Map<String, Object>) (message() != null ? message() : body()).get("from");
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> chat() {
            return (Map<String, Object>) message().get("chat");
        }
    }

    private static Map<String, Object> sample(String kind) {
        String resource = "/telegram/updates/" + kind + ".json";
        try (InputStream in = TelegramUpdates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return deepCopy(JSON.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mutable, ordered copies all the way down, whatever map type the parser handed back. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> map
                ? deepCopy((Map<String, Object>) map) : value));
        return copy;
    }
}
