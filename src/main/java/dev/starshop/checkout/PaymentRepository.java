package dev.starshop.checkout;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.ReadAhead;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.SharedTable;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.db.WriteBehind;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The payments table. Callers own the transaction. */
@Singleton
class PaymentRepository {

    private static final String COLUMNS = "telegram_payment_charge_id, kind, order_id, buyer_id, currency, "
            + "total_amount, provider_payment_charge_id, invoice_payload, shipping_option_id, shipping_amount, "
            + "tip_amount, order_info::text AS order_info, subscription_expires_at, source, reference, review_reason, "
            + "occurred_at";

    private static final String INSERT = """
            INSERT INTO payments (telegram_payment_charge_id, kind, order_id, buyer_id, currency, total_amount,
                                  provider_payment_charge_id, invoice_payload, shipping_option_id, shipping_amount,
                                  tip_amount, order_info, subscription_expires_at, source, reference, review_reason,
                                  occurred_at, needs_review, recorded_at)
            VALUES (:chargeId, :kind, :orderId, :buyerId, :currency, :totalAmount,
                    :providerChargeId, :invoicePayload, :shippingOptionId, :shippingAmount,
                    :tipAmount, :orderInfo::jsonb, :subscriptionExpiresAt, :source, :reference, :reviewReason,
                    :occurredAt, :needsReview, :recordedAt)
            ON CONFLICT (telegram_payment_charge_id, kind) DO NOTHING""";

    private static final String BY_CHARGE = "SELECT " + COLUMNS
            + " FROM payments WHERE telegram_payment_charge_id = :chargeId AND kind = :kind";

    private static final String INSERT_ALL = """
            INSERT INTO payments (telegram_payment_charge_id, kind, order_id, buyer_id, currency, total_amount,
                                  provider_payment_charge_id, invoice_payload, shipping_option_id, shipping_amount,
                                  tip_amount, order_info, subscription_expires_at, source, reference, review_reason,
                                  occurred_at, needs_review, recorded_at)
            SELECT p.charge_id, p.kind, p.order_id, p.buyer_id, p.currency, p.total_amount, p.provider_charge_id,
                   p.invoice_payload, p.shipping_option_id, p.shipping_amount, p.tip_amount, p.order_info::jsonb,
                   p.subscription_expires_at::timestamptz, p.source, p.reference, p.review_reason,
                   p.occurred_at::timestamptz, p.review_reason IS NOT NULL, p.recorded_at::timestamptz
            FROM unnest(:chargeIds::text[], :kinds::text[], :orderIds::uuid[], :buyerIds::bigint[], :currencies::text[],
                        :totalAmounts::bigint[], :providerChargeIds::text[], :invoicePayloads::text[],
                        :shippingOptionIds::text[], :shippingAmounts::bigint[], :tipAmounts::bigint[],
                        :orderInfos::text[], :subscriptionExpiresAt::text[], :sources::text[], :references::text[],
                        :reviewReasons::text[], :occurredAt::text[], :recordedAt::text[])
                 WITH ORDINALITY AS p(charge_id, kind, order_id, buyer_id, currency, total_amount, provider_charge_id,
                                      invoice_payload, shipping_option_id, shipping_amount, tip_amount, order_info,
                                      subscription_expires_at, source, reference, review_reason, occurred_at,
                                      recorded_at, n)
            ORDER BY p.n
            ON CONFLICT (telegram_payment_charge_id, kind) DO NOTHING""";

    private static final String PAYMENTS_ON_FILE = "SELECT telegram_payment_charge_id FROM payments "
            + "WHERE telegram_payment_charge_id = ANY(:chargeIds) AND kind = 'PAYMENT'";

    private static final String FOR_ORDER = "SELECT " + COLUMNS + " FROM payments WHERE order_id = :orderId ORDER BY id";

    private final Sql sql;
    private final CurrencyTable currencies;
    private final ReadAhead readAhead;
    private final WriteBehind writeBehind;
    private final WriteBehind.Table<Late> latePayments = WriteBehind.Table.named(SharedTable.PAYMENTS, this::insertAll);

    /** Whether a charge's payment was on file when a shared transaction read ahead (a {@link ReadAhead} key). */
    private record OnFile(String chargeId) {
    }

    /** A payment {@link #insertIfNew} left for the end of a shared commit. */
    private record Late(PaymentRecord record, Instant recordedAt) {
    }

    PaymentRepository(Sql sql, CurrencyTable currencies, ReadAhead readAhead, WriteBehind writeBehind) {
        this.sql = sql;
        this.currencies = currencies;
        this.readAhead = readAhead;
        this.writeBehind = writeBehind;
    }

    /**
     * Stores the payment unless this charge id and kind are already on file; false for a duplicate.
     * In a shared (group) commit, a first payment of a charge that {@link #paymentsAhead} found not on
     * file waits and is written with the batch's others by one statement at its end ({@link WriteBehind});
     * a second payment of that charge in the batch is then the duplicate, as it would be if the first
     * were already written. Any read of the table in the transaction writes what waits first.
     */
    boolean insertIfNew(PaymentRecord p, Instant recordedAt) {
        if (p.kind() == PaymentKind.PAYMENT) {
            Optional<Boolean> onFile = readAhead.peek(new OnFile(p.chargeId()));
            if (onFile.isPresent()) {
                if (onFile.get()) {
                    return false;
                }
                if (writeBehind.offer(latePayments, new Late(p, recordedAt))) {
                    readAhead.put(new OnFile(p.chargeId()), true);
                    return true;
                }
            }
        }
        readAhead.forget(new OnFile(p.chargeId()));
        return sql.update(INSERT, Params.of("chargeId", p.chargeId()).and("kind", p.kind())
                .and("orderId", p.orderId()).and("buyerId", p.buyerId())
                .and("currency", p.total().currency().code()).and("totalAmount", p.total().amount())
                .and("providerChargeId", p.providerChargeId()).and("invoicePayload", p.invoicePayload())
                .and("shippingOptionId", p.split().shippingOptionId())
                .and("shippingAmount", p.split().shipping().amount()).and("tipAmount", p.split().tip().amount())
                .and("orderInfo", p.orderInfoJson()).and("subscriptionExpiresAt", p.subscriptionExpiresAt())
                .and("source", p.source()).and("reference", p.reference()).and("reviewReason", p.reviewReason())
                .and("occurredAt", p.occurredAt()).and("needsReview", p.needsReview())
                .and("recordedAt", recordedAt)) == 1;
    }

    /**
     * Which of these charges' payments are on file, read in one statement for a shared transaction about
     * to record them one by one: {@link #insertIfNew} answers a charge found here as a duplicate and
     * lets a charge not found wait for the end of the transaction.
     */
    void paymentsAhead(Collection<String> chargeIds) {
        if (chargeIds.isEmpty()) {
            return;
        }
        Set<String> onFile = new HashSet<>(sql.list(PAYMENTS_ON_FILE,
                Params.of("chargeIds", chargeIds.toArray(String[]::new)), row -> row.getString("telegram_payment_charge_id")));
        chargeIds.forEach(chargeId -> readAhead.put(new OnFile(chargeId), onFile.contains(chargeId)));
    }

    /**
     * The payments that waited, in one statement. A row that finds its charge already on file (another
     * transaction wrote it since the read ahead) throws: the shared transaction rolls back and each of
     * its updates is written again alone, where the charge is the duplicate it is.
     */
    private void insertAll(List<Late> late) {
        List<PaymentRecord> rows = late.stream().map(Late::record).toList();
        int written = sql.update(INSERT_ALL, Params.of("chargeIds", Params.column(rows, PaymentRecord::chargeId, String[]::new))
                .and("kinds", Params.column(rows, p -> p.kind().name(), String[]::new))
                .and("orderIds", Params.column(rows, PaymentRecord::orderId, UUID[]::new))
                .and("buyerIds", Params.column(rows, PaymentRecord::buyerId, Long[]::new))
                .and("currencies", Params.column(rows, p -> p.total().currency().code(), String[]::new))
                .and("totalAmounts", Params.column(rows, p -> p.total().amount(), Long[]::new))
                .and("providerChargeIds", Params.column(rows, PaymentRecord::providerChargeId, String[]::new))
                .and("invoicePayloads", Params.column(rows, PaymentRecord::invoicePayload, String[]::new))
                .and("shippingOptionIds", Params.column(rows, p -> p.split().shippingOptionId(), String[]::new))
                .and("shippingAmounts", Params.column(rows, p -> p.split().shipping().amount(), Long[]::new))
                .and("tipAmounts", Params.column(rows, p -> p.split().tip().amount(), Long[]::new))
                .and("orderInfos", Params.column(rows, PaymentRecord::orderInfoJson, String[]::new))
                .and("subscriptionExpiresAt", Params.column(rows, p -> text(p.subscriptionExpiresAt()), String[]::new))
                .and("sources", Params.column(rows, p -> p.source().name(), String[]::new))
                .and("references", Params.column(rows, PaymentRecord::reference, String[]::new))
                .and("reviewReasons", Params.column(rows, PaymentRecord::reviewReason, String[]::new))
                .and("occurredAt", Params.column(rows, p -> p.occurredAt().toString(), String[]::new))
                .and("recordedAt", late.stream().map(l -> l.recordedAt().toString()).toArray(String[]::new)));
        if (written != late.size()) {
            throw new IllegalStateException("A shared transaction's " + late.size() + " payments met "
                    + (late.size() - written) + " charge(s) already on file; it rolls back and each is written again alone");
        }
    }

    /** What waits for the end of a shared commit is written before anything here reads the table. */
    private void writeWhatWaits() {
        writeBehind.flush(latePayments);
    }

    @Nullable
    private static String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    Optional<PaymentRecord> find(String chargeId, PaymentKind kind) {
        writeWhatWaits();
        return sql.one(BY_CHARGE, Params.of("chargeId", chargeId).and("kind", kind), this::read);
    }

    /** The payment or renewal of this charge id (one charge id is never both). */
    Optional<PaymentRecord> charge(String chargeId) {
        return find(chargeId, PaymentKind.PAYMENT).or(() -> find(chargeId, PaymentKind.RENEWAL));
    }

    List<PaymentRecord> forOrder(UUID orderId) {
        writeWhatWaits();
        return sql.list(FOR_ORDER, Params.of("orderId", orderId), this::read);
    }

    private PaymentRecord read(Row row) throws SQLException {
        String code = row.getString("currency");
        Currency currency = currencies.find(code)
                .orElseThrow(() -> new IllegalStateException("A payments row in unknown currency " + code));
        return new PaymentRecord(row.getString("telegram_payment_charge_id"),
                PaymentKind.valueOf(row.getString("kind")), PaymentSource.valueOf(row.getString("source")),
                new Money(row.getLong("total_amount"), currency),
                new PaymentRecord.Parties(row.getUuid("order_id"), row.getLongOrNull("buyer_id"),
                        row.getString("provider_payment_charge_id"), row.getString("invoice_payload")),
                new PaymentRecord.CardSplit(row.getString("shipping_option_id"),
                        new Money(row.getLong("shipping_amount"), currency), new Money(row.getLong("tip_amount"), currency)),
                row.getInstant("subscription_expires_at"), row.getString("order_info"), row.getString("reference"),
                row.getString("review_reason"), row.getInstant("occurred_at"));
    }
}
