package dev.starshop.checkout;

import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.telegram.botapi.AnswerPreCheckoutQuery;
import dev.starshop.telegram.botapi.AnswerShippingQuery;
import dev.starshop.telegram.botapi.Message;
import dev.starshop.telegram.botapi.OrderInfo;
import dev.starshop.telegram.botapi.PreCheckoutQuery;
import dev.starshop.telegram.botapi.RefundedPayment;
import dev.starshop.telegram.botapi.ShippingQuery;
import dev.starshop.telegram.updates.AfterCommit;
import dev.starshop.telegram.updates.BotCall;
import dev.starshop.telegram.updates.ClassifiedUpdate;
import dev.starshop.telegram.updates.PaymentUpdateHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checkout's side of Telegram's payment updates. Every method runs in the transaction that stores
 * the update; answers to Telegram leave only after it commits.
 */
@Singleton
class CheckoutUpdates implements PaymentUpdateHandler {

    private final OrderPayments orders;
    private final CheckoutSettings settings;
    private final ShippingAnswers shipping;
    private final PaymentRecorder payments;
    private final RefundRecorder refunds;
    private final Receipts receipts;
    private final JsonMapper json;
    private final Clock clock;

    CheckoutUpdates(OrderPayments orders, CheckoutSettings settings, ShippingAnswers shipping,
                    PaymentRecorder payments, RefundRecorder refunds, Receipts receipts, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.shipping = shipping;
        this.payments = payments;
        this.refunds = refunds;
        this.receipts = receipts;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void onPreCheckout(ClassifiedUpdate.PreCheckout update, AfterCommit after) {
        PreCheckoutQuery query = update.query();
        Optional<Order> order = InvoicePayload.orderId(query.invoicePayload()).flatMap(orders::lock);
        PreCheckoutDecision decision = PreCheckoutDecision.decide(order, query, clock.instant(), settings);
        order.ifPresent(o -> orders.note(o.id(), decision.ok() ? "PRE_CHECKOUT_ACCEPTED" : "PRE_CHECKOUT_REFUSED",
                decision.reason()));
        after.call(BotCall.answer(decision.ok()
                ? AnswerPreCheckoutQuery.accept(query.id())
                : AnswerPreCheckoutQuery.refuse(query.id(), decision.buyerMessage())));
    }

    @Override
    public Optional<BotCall> onPreCheckoutUnrecordable(ClassifiedUpdate.PreCheckout update) {
        PreCheckoutQuery query = update.query();
        CheckoutTexts texts = CheckoutTexts.forLanguage(query.sender() == null ? null : query.sender().languageCode());
        return Optional.of(BotCall.answer(AnswerPreCheckoutQuery.refuse(query.id(), texts.unavailable)));
    }

    @Override
    public void onShippingQuery(ClassifiedUpdate.ShippingRequest update, AfterCommit after) {
        ShippingQuery query = update.query();
        Optional<Order> order = InvoicePayload.orderId(query.invoicePayload()).flatMap(orders::find);
        AnswerShippingQuery answer = shipping.answer(query, order);
        order.ifPresent(o -> orders.note(o.id(), "SHIPPING_QUERY", query.shippingAddress().countryCode() + ": "
                + (answer.ok() ? answer.shippingOptions().size() + " option(s)" : "not shipped there")));
        after.call(BotCall.answer(answer));
    }

    @Override
    public void onPaymentSucceeded(ClassifiedUpdate.PaymentSucceeded update, AfterCommit after) {
        Message message = update.message();
        requireSound(update.updateId(), message.successfulPayment().telegramPaymentChargeId(),
                message.successfulPayment().totalAmount());
        String orderInfo = text(message.successfulPayment().orderInfo());
        if (payments.record(message.successfulPayment(), message.sender(), Instant.ofEpochSecond(message.date()),
                orderInfo)) {
            after.outboxWritten();
        }
    }

    @Override
    public void onPaymentRefunded(ClassifiedUpdate.PaymentRefunded update, AfterCommit after) {
        Message message = update.message();
        RefundedPayment refunded = message.refundedPayment();
        requireSound(update.updateId(), refunded.telegramPaymentChargeId(), refunded.totalAmount());
        refunds.record(refunded.telegramPaymentChargeId(), refunded.totalAmount(), refunded.currency(), "TELEGRAM",
                null, Instant.ofEpochSecond(message.date())).ifPresent(refund -> {
                    receipts.refunded(message.chat().id(), message.sender() == null ? null
                            : message.sender().languageCode(), refund);
                    after.outboxWritten();
                });
    }

    /** Telegram never reports money without a charge id or with a total below one minor unit. */
    private static void requireSound(long updateId, String chargeId, long totalAmount) {
        if (chargeId == null || chargeId.isBlank() || totalAmount < 1) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "Update " + updateId
                    + " reports a payment without a charge id or with a total below 1");
        }
    }

    private String text(OrderInfo orderInfo) {
        if (orderInfo == null) {
            return null;
        }
        try {
            return json.writeValueAsString(orderInfo);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable order_info", e);
        }
    }
}
