package dev.starshop.checkout;

import dev.starshop.ledger.EntryRef;
import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.telegram.botapi.SuccessfulPayment;
import dev.starshop.telegram.botapi.User;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stars subscriptions. The first payment starts one (Telegram says when it expires); each renewal
 * is its own payment, its own ledger transaction and its own order, and extends the subscription.
 */
@Singleton
class Subscriptions {

    private final SubscriptionRepository subscriptions;
    private final PaymentRepository payments;
    private final OrderPayments orders;
    private final Ledger ledger;
    private final CurrencyTable currencies;
    private final Receipts receipts;
    private final Clock clock;

    Subscriptions(SubscriptionRepository subscriptions, PaymentRepository payments, OrderPayments orders,
                  Ledger ledger, CurrencyTable currencies, Receipts receipts, Clock clock) {
        this.subscriptions = subscriptions;
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.currencies = currencies;
        this.receipts = receipts;
        this.clock = clock;
    }

    void startIfSubscription(Order order, SuccessfulPayment paid, User buyer) {
        if (paid.subscriptionExpirationDate() == null) {
            return;
        }
        subscriptions.insert(new Subscription(UUID.randomUUID(), buyer.id(), order.id(), paid.telegramPaymentChargeId(),
                paid.currency(), paid.totalAmount(), Instant.ofEpochSecond(paid.subscriptionExpirationDate()), false),
                clock.instant());
    }

    /** Returns false for a renewal already on file; {@code source} says who reported it (payments.source). */
    boolean renew(SuccessfulPayment paid, User buyer, Instant occurredAt, String source) {
        Optional<Subscription> subscription = InvoicePayload.orderId(paid.invoicePayload())
                .flatMap(subscriptions::byFirstOrder);
        // The first order's row lock queues renewals of one subscription, so a redelivery of this charge
        // (same or new update_id) sees the committed payment row and creates no second, unpaid-for order.
        Optional<Order> first = subscription.flatMap(s -> orders.lock(s.firstOrderId()));
        if (payments.find(paid.telegramPaymentChargeId(), PaymentKind.RENEWAL).isPresent()) {
            return false;
        }
        Optional<Order> renewal = first.map(o -> orders.renewal(o, paid.telegramPaymentChargeId()));
        Instant expires = paid.subscriptionExpirationDate() == null ? null
                : Instant.ofEpochSecond(paid.subscriptionExpirationDate());
        PaymentRecord record = new PaymentRecord(paid.telegramPaymentChargeId(), PaymentKind.RENEWAL,
                renewal.map(Order::id).orElse(null), buyer.id(), paid.currency(), paid.totalAmount(),
                paid.providerPaymentChargeId(), paid.invoicePayload(), null, 0, 0, null, expires, source, null,
                renewal.isPresent() ? null : "renewal of an unknown subscription", occurredAt);
        if (!payments.insertIfNew(record, clock.instant())) {
            return false;
        }
        Money total = currencies.money(paid.totalAmount(), paid.currency());
        ledger.post(LedgerEntries.starsRenewal(new EntryRef("payment:" + record.chargeId(), occurredAt,
                record.orderId(), buyer.id(), record.chargeId(), record.providerChargeId()), total));
        subscription.ifPresent(s -> subscriptions.extend(s.id(), expires, clock.instant()));
        receipts.paymentReceived(buyer, total, record);
        return true;
    }
}
