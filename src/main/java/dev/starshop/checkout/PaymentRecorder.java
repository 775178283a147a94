package dev.starshop.checkout;

import dev.starshop.ledger.EntryRef;
import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.ledger.NewTransaction;
import dev.starshop.money.Money;
import dev.starshop.order.Charge;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Records a reported payment inside the caller's transaction: the payment row, its balanced
 * ledger transaction, the order's new state and the receipt. Money is never dropped: a payment the
 * order cannot honour is recorded in full and the order goes to NEEDS_REVIEW. A payment found by
 * reconciliation is recorded exactly like one an update brought; only its source differs.
 */
@Singleton
class PaymentRecorder {

    private final PaymentRepository payments;
    private final OrderPayments orders;
    private final Ledger ledger;
    private final CheckoutSettings settings;
    private final Subscriptions subscriptions;
    private final Receipts receipts;
    private final Clock clock;

    PaymentRecorder(PaymentRepository payments, OrderPayments orders, Ledger ledger, CheckoutSettings settings,
                    Subscriptions subscriptions, Receipts receipts, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.receipts = receipts;
        this.clock = clock;
    }

    /**
     * A shared transaction is about to record payments of these charges: which are on file is read
     * now, in one statement, and each new one's row is written with the others at the end.
     */
    void paymentsAhead(List<String> chargeIds) {
        payments.paymentsAhead(chargeIds);
    }

    /** Returns false for a charge already on file (a redelivery): nothing is done then. */
    boolean record(ReportedPayment paid) {
        if (paid.renewal()) {
            return subscriptions.renew(paid);
        }
        Optional<Order> order = InvoicePayload.orderId(paid.orderRef()).flatMap(orders::lock);
        Money total = paid.total();
        Optional<CardAmounts> amounts = order.filter(o -> o.status() == OrderStatus.PENDING_PAYMENT)
                .filter(o -> o.total().currency().code().equals(total.currency().code()))
                .flatMap(o -> CardAmounts.explain(o, total.amount(), paid.shippingOptionId(), settings));
        String review = amounts.isPresent() ? null : reviewReason(order, paid);
        PaymentRecord record = PaymentRecord.payment(paid, order.map(Order::id).orElse(null), amounts, review);
        if (!payments.insertIfNew(record, clock.instant())) {
            return false;
        }
        ledger.postDeferred(entry(record, amounts, order.map(Order::discount)));
        order.ifPresent(o -> settle(o, record, amounts.isPresent()));
        order.filter(o -> amounts.isPresent()).ifPresent(o -> subscriptions.startIfSubscription(o, paid));
        receipts.paymentReceived(paid.buyer(), record);
        return true;
    }

    private void settle(Order order, PaymentRecord record, boolean honoured) {
        Money total = record.total();
        if (honoured) {
            orders.paid(order, new Charge(total, record.split().shipping(), record.split().tip()),
                    "paid " + total.display() + " (charge " + record.chargeId() + ")");
        } else if (order.status().canBecome(OrderStatus.NEEDS_REVIEW)) {
            orders.move(order, OrderStatus.NEEDS_REVIEW, record.reviewReason() + " (charge " + record.chargeId() + ")");
        } else {
            orders.note(order.id(), "PAYMENT_NEEDS_REVIEW", record.reviewReason());
        }
    }

    /**
     * Everything received is posted; a payment under review keeps its whole total as sales. A
     * payment the order honours books the order's promo discount: sales gross, sales_discounts the
     * discount (docs/ledger.md).
     */
    private static NewTransaction entry(PaymentRecord record, Optional<CardAmounts> amounts,
                                        Optional<Money> orderDiscount) {
        Money total = record.total();
        EntryRef ref = new EntryRef(PaymentKeys.ledgerPayment(record.chargeId()), record.occurredAt(),
                record.orderId(), record.buyerId(), record.chargeId(), record.providerChargeId());
        Money zero = Money.zero(total.currency());
        Money discount = amounts.isPresent() ? orderDiscount.orElse(zero) : zero;
        if (total.currency().isStars()) {
            return LedgerEntries.starsPayment(ref, total, discount);
        }
        return amounts.map(a -> LedgerEntries.cardPayment(ref, a.items(), a.shipping(), a.tip(), discount))
                .orElseGet(() -> LedgerEntries.cardPayment(ref, total, zero, zero));
    }

    private static String reviewReason(Optional<Order> order, ReportedPayment paid) {
        if (order.isEmpty()) {
            return "payment for an unknown order (payload '" + paid.orderRef() + "')";
        }
        Order o = order.get();
        if (o.status() != OrderStatus.PENDING_PAYMENT) {
            return "payment for an order that is " + o.status();
        }
        return "paid " + paid.total().display() + ", order expects " + o.total().display()
                + " plus shipping and an allowed tip";
    }
}
