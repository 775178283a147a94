package dev.starshop.checkout;

import dev.starshop.ledger.EntryRef;
import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import jakarta.inject.Singleton;

import java.time.Clock;
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
    private final Receipts receipts;
    private final SubscriptionEvents events;
    private final Clock clock;

    Subscriptions(SubscriptionRepository subscriptions, PaymentRepository payments, OrderPayments orders,
                  Ledger ledger, Receipts receipts, SubscriptionEvents events, Clock clock) {
        this.subscriptions = subscriptions;
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.receipts = receipts;
        this.events = events;
        this.clock = clock;
    }

    void startIfSubscription(Order order, ReportedPayment paid) {
        if (paid.subscriptionExpiresAt() == null) {
            return;
        }
        Subscription started = new Subscription(UUID.randomUUID(), paid.buyer().telegramUserId(), order.id(),
                paid.chargeId(), paid.total().currency().code(), paid.total().amount(), paid.subscriptionExpiresAt(),
                false);
        subscriptions.insert(started, clock.instant());
        events.started(started);
    }

    /** Returns false for a renewal already on file; the report's source says who reported it. */
    boolean renew(ReportedPayment paid) {
        Optional<Subscription> subscription = InvoicePayload.orderId(paid.orderRef())
                .flatMap(subscriptions::byFirstOrder);
        // The first order's row lock queues renewals of one subscription, so a redelivery of this charge
        // (same or new update_id) sees the committed payment row and creates no second, unpaid-for order.
        Optional<Order> first = subscription.flatMap(s -> orders.lock(s.firstOrderId()));
        if (payments.find(paid.chargeId(), PaymentKind.RENEWAL).isPresent()) {
            return false;
        }
        Optional<Order> renewal = first.map(o -> orders.renewal(o, paid.chargeId()));
        PaymentRecord record = PaymentRecord.renewal(paid, renewal.map(Order::id).orElse(null),
                renewal.isPresent() ? null : "renewal of an unknown subscription");
        if (!payments.insertIfNew(record, clock.instant())) {
            return false;
        }
        ledger.post(LedgerEntries.starsRenewal(new EntryRef(PaymentKeys.ledgerPayment(record.chargeId()),
                paid.occurredAt(), record.orderId(), record.buyerId(), record.chargeId(), record.providerChargeId()),
                paid.total()));
        subscription.ifPresent(s -> {
            subscriptions.extend(s.id(), paid.subscriptionExpiresAt(), clock.instant());
            subscriptions.byId(s.id()).ifPresent(events::renewed);
        });
        receipts.paymentReceived(paid.buyer(), record);
        return true;
    }
}
