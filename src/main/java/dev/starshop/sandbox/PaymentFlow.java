package dev.starshop.sandbox;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

/**
 * A user paying an invoice link, step by step as Telegram runs it: shipping query (flexible
 * invoices), pre-checkout query with a 10 s deadline, the charge, the successful_payment message.
 * Runs on the caller's thread and blocks while the bot answers.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class PaymentFlow {

    private final Invoices invoices;
    private final SandboxUsers users;
    private final Queries queries;
    private final UpdatePublisher publisher;
    private final StarBook book;
    private final ServiceMessages messages;
    private final SandboxSettings settings;
    private final Clock clock;
    private final ChargeIds ids;
    private final ShippingStep shipping;

    PaymentFlow(Invoices invoices, SandboxUsers users, Queries queries, UpdatePublisher publisher, StarBook book,
                ServiceMessages messages, SandboxSettings settings, Clock clock, BotCredentials credentials) {
        this.invoices = invoices;
        this.users = users;
        this.queries = queries;
        this.publisher = publisher;
        this.book = book;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.ids = new ChargeIds(credentials.botId());
        this.shipping = new ShippingStep(queries, publisher, settings.shippingTimeout());
    }

    PayOutcome pay(String slug, PayRequest request) {
        try {
            Invoice invoice = invoices.find(slug).orElseThrow(() -> new PaymentFailed("invoice not found"));
            SandboxUser user = users.find(request.userId()).orElseThrow(() -> new PaymentFailed("user not found"));
            if (Boolean.TRUE.equals(request.cancel())) {
                return PayOutcome.cancelled();
            }
            requireMethod(invoice, request.method());
            Checkout checkout = shipping.settle(invoice, user, request);
            long total = invoice.priceTotal() + checkout.shippingAmount() + checkout.tipAmount();
            if (invoice.isStars() && user.starBalance() < total) {
                // Telegram sends the user to buy Stars; the bot never hears of it.
                throw new PaymentFailed("not enough Stars");
            }
            preCheckout(invoice, user, checkout, total);
            return PayOutcome.paid(charge(invoice, user, request, checkout, total));
        } catch (PaymentFailed e) {
            return PayOutcome.failed(e.getMessage());
        }
    }

    private static void requireMethod(Invoice invoice, String method) {
        String needed = invoice.isStars() ? "stars" : "card";
        if (method != null && !method.equals(needed)) {
            throw new PaymentFailed("a " + invoice.currency() + " invoice is paid by " + needed);
        }
    }

    private void preCheckout(Invoice invoice, SandboxUser user, Checkout checkout, long total) {
        String queryId = queries.open();
        publisher.publish(user.id(), "pre_checkout_query", Json.obj("id", queryId, "from", user.toTelegram(),
                "currency", invoice.currency(), "total_amount", total, "invoice_payload", invoice.payload(),
                "shipping_option_id", checkout.shippingOptionId(), "order_info", checkout.orderInfo()));
        Queries.Answer answer = queries.await(queryId, settings.preCheckoutTimeout())
                .orElseThrow(() -> new PaymentFailed("pre-checkout query was not answered in time"));
        if (!answer.ok()) {
            throw new PaymentFailed(answer.errorMessage());
        }
    }

    private Charge charge(Invoice invoice, SandboxUser user, PayRequest request, Checkout checkout, long total) {
        long now = clock.instant().getEpochSecond();
        Charge charge;
        if (invoice.isStars()) {
            if (!users.debit(user.id(), total)) {
                throw new PaymentFailed("not enough Stars");
            }
            // Stars have no external provider; Telegram sends an empty provider charge id.
            charge = new Charge(ids.stars(), "", user.id(), "XTR", total, invoice.payload(),
                    invoice.subscriptionPeriod(), now);
        } else {
            StripeTestCards.charge(request.cardNumber());
            charge = new Charge(ids.card(user.id()), ids.stripe(), user.id(), invoice.currency(), total,
                    invoice.payload(), null, now);
        }
        book.recordPayment(charge);
        invoices.paid(invoice);
        Long expires = null;
        if (invoice.subscriptionPeriod() != null) {
            expires = now + invoice.subscriptionPeriod();
            book.startSubscription(new StarBook.Subscription(charge.telegramChargeId(), user.id(), total,
                    invoice.payload(), invoice.subscriptionPeriod(), expires, false));
        }
        announce(user, charge, checkout, expires, expires != null, expires != null);
        return charge;
    }

    /** A subscription's next period, charged without a pre-checkout query like Telegram's renewals. */
    PayOutcome renew(String firstChargeId) {
        StarBook.Subscription subscription = book.subscription(firstChargeId).orElse(null);
        if (subscription == null) {
            return PayOutcome.failed("subscription not found");
        }
        if (subscription.canceled()) {
            return PayOutcome.failed("subscription canceled by the bot");
        }
        SandboxUser user = users.find(subscription.userId()).orElse(null);
        if (user == null || !users.debit(user.id(), subscription.amount())) {
            return PayOutcome.failed("not enough Stars");
        }
        long now = clock.instant().getEpochSecond();
        long expires = Math.max(now, subscription.expiresAt()) + subscription.period();
        Charge charge = new Charge(ids.stars(), "", user.id(), "XTR", subscription.amount(), subscription.payload(),
                subscription.period(), now);
        book.recordPayment(charge);
        book.putSubscription(subscription.renewed(expires));
        announce(user, charge, new Checkout(null, null, 0, 0), expires, true, false);
        return PayOutcome.paid(charge);
    }

    private void announce(SandboxUser user, Charge charge, Checkout checkout, Long expires, boolean recurring,
                          boolean first) {
        Map<String, Object> payment = Json.obj("currency", charge.currency(), "total_amount", charge.totalAmount(),
                "invoice_payload", charge.invoicePayload(), "subscription_expiration_date", expires,
                "is_recurring", recurring ? true : null, "is_first_recurring", first ? true : null,
                "shipping_option_id", checkout.shippingOptionId(), "order_info", checkout.orderInfo(),
                "telegram_payment_charge_id", charge.telegramChargeId(),
                "provider_payment_charge_id", charge.providerChargeId());
        messages.post(user, "successful_payment", payment);
    }
}
