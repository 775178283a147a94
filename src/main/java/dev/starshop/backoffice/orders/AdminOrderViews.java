package dev.starshop.backoffice.orders;

import dev.starshop.fulfilment.OrderDeliveries.AdminDelivery;
import dev.starshop.order.OrderEvent;
import dev.starshop.order.OrderStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the admin order API (docs/admin-console.md). */
final class AdminOrderViews {

    private AdminOrderViews() {
    }

    @Serdeable
    record BuyerView(long id, @Nullable String username, @Nullable String name) {
    }

    /**
     * One row of the list. {@code paid} and {@code refunded} add up the order's payments and refunds
     * in the order's own currency (a payment in another currency appears in the detail view only).
     */
    @Serdeable
    record OrderRow(UUID id, OrderStatus status, AmountView total, BuyerView buyer, Instant createdAt,
                    AmountView paid, AmountView refunded, String source) {
    }

    /** Where the order came from: the Mini App link's start parameter and its parts (docs/orders.md). */
    @Serdeable
    record AttributionView(String startParam, String source, @Nullable String campaign, @Nullable String referrer,
                           @Nullable String productSku, @Nullable String category) {
    }

    /** Paid orders (PAID, FULFILLED) of one source in one currency: amounts are never summed across currencies. */
    @Serdeable
    record SourceSales(String source, String currency, long orders, AmountView total) {
    }

    /** @param nextCursor pass as {@code cursor} for the next page; null on the last page */
    @Serdeable
    record OrderPage(List<OrderRow> orders, @Nullable String nextCursor) {
    }

    @Serdeable
    record LineView(int lineNo, String sku, String title, String kind, int quantity, AmountView unitPrice,
                    AmountView lineTotal) {
    }

    /** A row of the payments table: a payment, renewal, refund or chargeback Telegram reported. */
    @Serdeable
    record PaymentView(String telegramPaymentChargeId, String kind, AmountView total,
                       @Nullable String providerPaymentChargeId, AmountView shipping, AmountView tip, String source,
                       @Nullable String reference, boolean needsReview, @Nullable String reviewReason,
                       Instant occurredAt) {
    }

    /** A ledger transaction of the order; its postings are at /api/admin/ledger/transactions?orderId=. */
    @Serdeable
    record LedgerTransactionRef(long id, String kind, AmountView amount, Instant occurredAt, String externalKey,
                                @Nullable Long reversesTransactionId) {
    }

    /**
     * Whether the refund button applies: a payment not yet refunded exists; card payments need the
     * provider's refund reference.
     */
    @Serdeable
    record RefundOption(boolean possible, boolean needsReference) {
    }

    /**
     * @param deliveries     one per unit that delivers a text, code or file (docs/fulfilment.md)
     * @param deliveryFailed true when a delivery is FAILED: the console offers "delivery failed — retry"
     */
    @Serdeable
    record OrderDetail(UUID id, OrderStatus status, AmountView total, @Nullable AmountView charged,
                       BuyerView buyer, Instant createdAt, Instant expiresAt, Instant updatedAt,
                       @Nullable String invoiceLink, List<LineView> lines, List<PaymentView> payments,
                       List<LedgerTransactionRef> ledgerTransactions, List<OrderEvent> timeline,
                       RefundOption refund, @Nullable AttributionView attribution, List<AdminDelivery> deliveries,
                       boolean deliveryFailed, AmountView discount, @Nullable String promoCode) {
    }
}
