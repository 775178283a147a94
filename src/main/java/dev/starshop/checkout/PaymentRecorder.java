package dev.starshop.checkout;

import dev.starshop.ledger.EntryRef;
import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.ledger.NewTransaction;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.order.Charge;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderStatus;
import dev.starshop.telegram.botapi.SuccessfulPayment;
import dev.starshop.telegram.botapi.User;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a successful payment inside the update's transaction: the payment row, its balanced
 * ledger transaction, the order's new state and the receipt. Money is never dropped: a payment the
 * order cannot honour is recorded in full and the order goes to NEEDS_REVIEW.
 */
@Singleton
class PaymentRecorder {

    private final PaymentRepository payments;
    private final OrderPayments orders;
    private final Ledger ledger;
    private final CurrencyTable currencies;
    private final CheckoutSettings settings;
    private final Subscriptions subscriptions;
    private final Receipts receipts;
    private final Clock clock;

    PaymentRecorder(PaymentRepository payments, OrderPayments orders, Ledger ledger, CurrencyTable currencies,
                    CheckoutSettings settings, Subscriptions subscriptions, Receipts receipts, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.currencies = currencies;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** Returns false for a charge already on file (a redelivery): nothing is done then. */
    boolean record(SuccessfulPayment paid, User buyer, Instant occurredAt, String orderInfoJson) {
        return record(paid, buyer, occurredAt, orderInfoJson, "TELEGRAM");
    }

    /**
     * A payment Telegram's transaction history shows but no update brought us: recorded exactly
     * like one that arrived, marked with source RECONCILIATION. False when the charge is on file.
     */
    boolean recordFound(SuccessfulPayment paid, User buyer, Instant occurredAt) {
        return record(paid, buyer, occurredAt, null, "RECONCILIATION");
    }

    private boolean record(SuccessfulPayment paid, User buyer, Instant occurredAt, String orderInfoJson,
                           String source) {
        if (isRenewal(paid)) {
            return subscriptions.renew(paid, buyer, occurredAt, source);
        }
        Optional<Order> order = InvoicePayload.orderId(paid.invoicePayload()).flatMap(orders::lock);
        Money total = currencies.money(paid.totalAmount(), paid.currency());
        Optional<CardAmounts> amounts = order.filter(o -> o.status() == OrderStatus.PENDING_PAYMENT)
                .filter(o -> o.total().currency().code().equals(paid.currency()))
                .flatMap(o -> CardAmounts.explain(o, paid.totalAmount(), paid.shippingOptionId(), settings));
        String review = amounts.isPresent() ? null : reviewReason(order, paid, total);
        PaymentRecord record = new PaymentRecord(paid.telegramPaymentChargeId(), PaymentKind.PAYMENT,
                order.map(Order::id).orElse(null), buyer.id(), paid.currency(), paid.totalAmount(),
                paid.providerPaymentChargeId(), paid.invoicePayload(), paid.shippingOptionId(),
                amounts.map(a -> a.shipping().amount()).orElse(0L), amounts.map(a -> a.tip().amount()).orElse(0L),
                orderInfoJson, expiry(paid), source, null, review, occurredAt);
        if (!payments.insertIfNew(record, clock.instant())) {
            return false;
        }
        ledger.post(entry(record, total, amounts));
        order.ifPresent(o -> settle(o, record, total, amounts.isPresent()));
        order.filter(o -> amounts.isPresent()).ifPresent(o -> subscriptions.startIfSubscription(o, paid, buyer));
        receipts.paymentReceived(buyer, total, record);
        return true;
    }

    private void settle(Order order, PaymentRecord record, Money total, boolean honoured) {
        if (honoured) {
            orders.move(order, OrderStatus.PAID, "paid " + total.display() + " (charge " + record.chargeId() + ")");
            orders.recordCharge(order.id(), new Charge(total, new Money(record.shippingAmount(), total.currency()),
                    new Money(record.tipAmount(), total.currency())));
        } else if (order.status().canBecome(OrderStatus.NEEDS_REVIEW)) {
            orders.move(order, OrderStatus.NEEDS_REVIEW, record.reviewReason() + " (charge " + record.chargeId() + ")");
        } else {
            orders.note(order.id(), "PAYMENT_NEEDS_REVIEW", record.reviewReason());
        }
    }

    /** Everything received is posted; a payment under review keeps its whole total as sales. */
    private static NewTransaction entry(PaymentRecord record, Money total, Optional<CardAmounts> amounts) {
        EntryRef ref = new EntryRef("payment:" + record.chargeId(), record.occurredAt(), record.orderId(),
                record.buyerId(), record.chargeId(), record.providerChargeId());
        if (total.currency().isStars()) {
            return LedgerEntries.starsPayment(ref, total);
        }
        Money zero = Money.zero(total.currency());
        return amounts.map(a -> LedgerEntries.cardPayment(ref, a.items(), a.shipping(), a.tip()))
                .orElseGet(() -> LedgerEntries.cardPayment(ref, total, zero, zero));
    }

    private static String reviewReason(Optional<Order> order, SuccessfulPayment paid, Money total) {
        if (order.isEmpty()) {
            return "payment for an unknown order (payload '" + paid.invoicePayload() + "')";
        }
        Order o = order.get();
        if (o.status() != OrderStatus.PENDING_PAYMENT) {
            return "payment for an order that is " + o.status();
        }
        return "paid " + total.display() + ", order expects " + o.total().display()
                + " plus shipping and an allowed tip";
    }

    private static boolean isRenewal(SuccessfulPayment paid) {
        return Boolean.TRUE.equals(paid.isRecurring()) && !Boolean.TRUE.equals(paid.isFirstRecurring());
    }

    private static Instant expiry(SuccessfulPayment paid) {
        return paid.subscriptionExpirationDate() == null ? null
                : Instant.ofEpochSecond(paid.subscriptionExpirationDate());
    }
}
