package dev.starshop.telegram.payments;

import dev.starshop.checkout.PaymentIntake;
import dev.starshop.checkout.PreCheckoutDecision;
import dev.starshop.checkout.ReportedPayment;
import dev.starshop.checkout.ShippingDecision;
import dev.starshop.platform.db.ReadAhead;
import dev.starshop.telegram.botapi.AnswerPreCheckoutQuery;
import dev.starshop.telegram.botapi.AnswerShippingQuery;
import dev.starshop.telegram.botapi.LabeledPrice;
import dev.starshop.telegram.botapi.ShippingOption;
import dev.starshop.telegram.updates.AfterCommit;
import dev.starshop.telegram.updates.BotCall;
import dev.starshop.telegram.updates.ClassifiedUpdate;
import dev.starshop.telegram.updates.PaymentUpdateHandler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The Telegram side of checkout: classified payment updates become checkout's own requests and
 * reports ({@link TelegramReports}), and checkout's decisions become answerPreCheckoutQuery and
 * answerShippingQuery calls, made after the update's transaction commits. Checkout never sees a
 * Telegram type on this path.
 */
@Singleton
class TelegramCheckout implements PaymentUpdateHandler {

    private final PaymentIntake checkout;
    private final TelegramReports reports;
    private final ReadAhead readAhead;

    /** The key under which a payment update's report waits for its handling in a shared transaction. */
    private record Reported(long updateId) {
    }

    TelegramCheckout(PaymentIntake checkout, TelegramReports reports, ReadAhead readAhead) {
        this.checkout = checkout;
        this.reports = reports;
        this.readAhead = readAhead;
    }

    @Override
    public void onPreCheckout(ClassifiedUpdate.PreCheckout update, AfterCommit after) {
        PreCheckoutDecision decision = checkout.preCheckout(TelegramReports.preCheckout(update.query()));
        after.call(BotCall.answer(answer(update.query().id(), decision)));
    }

    @Override
    public Optional<BotCall> onPreCheckoutUnrecordable(ClassifiedUpdate.PreCheckout update) {
        PreCheckoutDecision refusal = checkout.refuseWhileUnavailable(TelegramReports.preCheckout(update.query()));
        return Optional.of(BotCall.answer(answer(update.query().id(), refusal)));
    }

    @Override
    public void onShippingQuery(ClassifiedUpdate.ShippingRequest update, AfterCommit after) {
        ShippingDecision decision = checkout.shipping(TelegramReports.shipping(update.query()));
        String queryId = update.query().id();
        after.call(BotCall.answer(decision.ok()
                ? AnswerShippingQuery.accept(queryId, decision.options().stream().map(TelegramCheckout::option).toList())
                : AnswerShippingQuery.refuse(queryId, decision.buyerMessage())));
    }

    @Override
    public void onPaymentSucceeded(ClassifiedUpdate.PaymentSucceeded update, AfterCommit after) {
        ReportedPayment paid = readAhead.<ReportedPayment>take(new Reported(update.updateId()))
                .orElseGet(() -> reports.payment(update));
        if (checkout.paymentReported(paid)) {
            after.outboxWritten();
        }
    }

    /** Each update becomes checkout's report once: the shared transaction hands it to its handling. */
    @Override
    public void beforePayments(List<ClassifiedUpdate.PaymentSucceeded> updates) {
        List<ReportedPayment> reported = updates.stream().map(reports::payment).toList();
        for (int i = 0; i < updates.size(); i++) {
            readAhead.put(new Reported(updates.get(i).updateId()), reported.get(i));
        }
        checkout.paymentsAhead(reported);
    }

    @Override
    public void onPaymentRefunded(ClassifiedUpdate.PaymentRefunded update, AfterCommit after) {
        if (checkout.refundReported(reports.refund(update))) {
            after.outboxWritten();
        }
    }

    private static AnswerPreCheckoutQuery answer(String queryId, PreCheckoutDecision decision) {
        return decision.ok() ? AnswerPreCheckoutQuery.accept(queryId)
                : AnswerPreCheckoutQuery.refuse(queryId, decision.buyerMessage());
    }

    private static ShippingOption option(ShippingDecision.Option option) {
        return new ShippingOption(option.id(), option.title(),
                List.of(new LabeledPrice(option.title(), option.price().amount())));
    }
}
