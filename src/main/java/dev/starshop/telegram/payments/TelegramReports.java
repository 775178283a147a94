package dev.starshop.telegram.payments;

import dev.starshop.buyer.Buyer;
import dev.starshop.checkout.PaymentSource;
import dev.starshop.checkout.PreCheckoutRequest;
import dev.starshop.checkout.ReportedPayment;
import dev.starshop.checkout.ReportedRefund;
import dev.starshop.checkout.ShippingRequest;
import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.telegram.botapi.Message;
import dev.starshop.telegram.botapi.OrderInfo;
import dev.starshop.telegram.botapi.PreCheckoutQuery;
import dev.starshop.telegram.botapi.RefundedPayment;
import dev.starshop.telegram.botapi.ShippingQuery;
import dev.starshop.telegram.botapi.SuccessfulPayment;
import dev.starshop.telegram.botapi.User;
import dev.starshop.telegram.updates.ClassifiedUpdate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Telegram's typed payment records, as decoded once by the inbox, in checkout's terms. Money that
 * Telegram could never report (no charge id, a total below one minor unit, no buyer) is refused as
 * a malformed update (400): nothing is stored and Telegram delivers it again.
 */
@Singleton
class TelegramReports {

    private final CurrencyTable currencies;
    private final JsonMapper json;

    TelegramReports(CurrencyTable currencies, JsonMapper json) {
        this.currencies = currencies;
        this.json = json;
    }

    static PreCheckoutRequest preCheckout(PreCheckoutQuery query) {
        return new PreCheckoutRequest(query.id(), languageOf(query.sender()), query.currency(), query.totalAmount(),
                query.invoicePayload(), query.shippingOptionId());
    }

    static ShippingRequest shipping(ShippingQuery query) {
        return new ShippingRequest(query.id(), languageOf(query.sender()), query.invoicePayload(),
                query.shippingAddress().countryCode());
    }

    ReportedPayment payment(ClassifiedUpdate.PaymentSucceeded update) {
        Message message = update.message();
        SuccessfulPayment paid = update.payment();
        requireSound(update.updateId(), paid.telegramPaymentChargeId(), paid.totalAmount());
        if (message.sender() == null) {
            throw malformed(update.updateId(), "reports a payment without its buyer (from)");
        }
        boolean renewal = Boolean.TRUE.equals(paid.isRecurring()) && !Boolean.TRUE.equals(paid.isFirstRecurring());
        Instant expires = paid.subscriptionExpirationDate() == null ? null
                : Instant.ofEpochSecond(paid.subscriptionExpirationDate());
        return new ReportedPayment(paid.telegramPaymentChargeId(), paid.providerPaymentChargeId(),
                currencies.money(paid.totalAmount(), paid.currency()), paid.invoicePayload(), buyer(message.sender()),
                Instant.ofEpochSecond(message.date()), PaymentSource.TELEGRAM, paid.shippingOptionId(),
                text(paid.orderInfo()), expires, renewal);
    }

    ReportedRefund refund(ClassifiedUpdate.PaymentRefunded update) {
        Message message = update.message();
        RefundedPayment refunded = update.refund();
        requireSound(update.updateId(), refunded.telegramPaymentChargeId(), refunded.totalAmount());
        return ReportedRefund.fromTelegram(refunded.telegramPaymentChargeId(),
                currencies.money(refunded.totalAmount(), refunded.currency()), Instant.ofEpochSecond(message.date()),
                message.chat().id(), languageOf(message.sender()));
    }

    static Buyer buyer(User user) {
        return new Buyer(user.id(), user.firstName(), user.lastName(), user.username(), user.languageCode(),
                Boolean.TRUE.equals(user.isPremium()));
    }

    @Nullable
    private static String languageOf(@Nullable User user) {
        return user == null ? null : user.languageCode();
    }

    /** Telegram never reports money without a charge id or with a total below one minor unit. */
    private static void requireSound(long updateId, String chargeId, long totalAmount) {
        if (chargeId == null || chargeId.isBlank() || totalAmount < 1) {
            throw malformed(updateId, "reports a payment without a charge id or with a total below 1");
        }
    }

    private static ProblemException malformed(long updateId, String what) {
        return new ProblemException(ProblemCode.MALFORMED_REQUEST, "Update " + updateId + " " + what);
    }

    /** What the buyer typed, kept with the payment as JSON (written from the typed record, not re-read). */
    @Nullable
    private String text(@Nullable OrderInfo orderInfo) {
        if (orderInfo == null) {
            return null;
        }
        try {
            return json.writeValueAsString(orderInfo);
        } catch (IOException e) {
            throw new UncheckedIOException("order_info could not be written", e);
        }
    }
}
