package dev.starshop.checkout;

import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.promo.PromoCodes;
import dev.starshop.promo.PromoLapse;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checkout's side of payments as adapters report them ({@link PaymentIntake}). Every method runs
 * in the caller's transaction; answers to the payment platform are the adapter's to send, after it
 * commits.
 */
@Singleton
class CheckoutIntake implements PaymentIntake {

    private final OrderPayments orders;
    private final CheckoutSettings settings;
    private final ShippingAnswers shipping;
    private final PaymentRecorder payments;
    private final RefundRecorder refunds;
    private final Receipts receipts;
    private final PromoCodes promoCodes;
    private final Clock clock;

    CheckoutIntake(OrderPayments orders, CheckoutSettings settings, ShippingAnswers shipping,
                   PaymentRecorder payments, RefundRecorder refunds, Receipts receipts, PromoCodes promoCodes,
                   Clock clock) {
        this.promoCodes = promoCodes;
        this.orders = orders;
        this.settings = settings;
        this.shipping = shipping;
        this.payments = payments;
        this.refunds = refunds;
        this.receipts = receipts;
        this.clock = clock;
    }

    @Override
    public PreCheckoutDecision preCheckout(PreCheckoutRequest request) {
        Optional<Order> order = InvoicePayload.orderId(request.invoicePayload()).flatMap(orders::lock);
        Instant now = clock.instant();
        Optional<PromoLapse> lapse = order.filter(Order::hasPromoCode).flatMap(o -> promoCodes.lapse(o.id(), now));
        PreCheckoutDecision decision = PreCheckoutDecision.decide(order, request, now, settings, lapse);
        order.ifPresent(o -> orders.note(o.id(), decision.ok() ? "PRE_CHECKOUT_ACCEPTED" : "PRE_CHECKOUT_REFUSED",
                decision.reason()));
        return decision;
    }

    @Override
    public PreCheckoutDecision refuseWhileUnavailable(PreCheckoutRequest request) {
        return PreCheckoutDecision.refuse("shop unavailable",
                CheckoutTexts.forLanguage(request.languageCode()).unavailable);
    }

    @Override
    public ShippingDecision shipping(ShippingRequest request) {
        Optional<Order> order = InvoicePayload.orderId(request.invoicePayload()).flatMap(orders::find);
        ShippingDecision decision = shipping.answer(request, order);
        order.ifPresent(o -> orders.note(o.id(), "SHIPPING_QUERY", request.countryCode() + ": "
                + (decision.ok() ? decision.options().size() + " option(s)" : "not shipped there")));
        return decision;
    }

    /**
     * The orders the payments name (a renewal's is its subscription's first order: not read ahead), and
     * which of their charges are on file already (a redelivery).
     */
    @Override
    public void paymentsAhead(List<ReportedPayment> payments) {
        List<ReportedPayment> first = payments.stream().filter(payment -> !payment.renewal()).toList();
        orders.lockAhead(first.stream().flatMap(payment -> InvoicePayload.orderId(payment.orderRef()).stream())
                .distinct().toList());
        this.payments.paymentsAhead(first.stream().map(ReportedPayment::chargeId).distinct().toList());
    }

    @Override
    public boolean paymentReported(ReportedPayment payment) {
        return payments.record(payment);
    }

    @Override
    public boolean refundReported(ReportedRefund reported) {
        Optional<PaymentRecord> refund = refunds.record(reported);
        if (refund.isPresent() && reported.receiptChatId() != null) {
            receipts.refunded(reported.receiptChatId(), reported.languageCode(), refund.get());
            return true;
        }
        return refund.isPresent();
    }
}
