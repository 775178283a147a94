package dev.starshop.fulfilment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of {@code GET /api/purchases} and {@code GET /api/me/entitlements} (docs/fulfilment.md). */
final class PurchaseViews {

    private PurchaseViews() {
    }

    @Serdeable
    record PurchaseList(List<Purchase> purchases) {
    }

    @Serdeable
    record Purchase(UUID orderId, String status, Instant createdAt, List<Item> items) {
    }

    /** @param kind the product kind: DIGITAL, PHYSICAL or SUBSCRIPTION */
    @Serdeable
    record Item(String sku, String title, String kind, int quantity, List<DeliveryView> deliveries) {
    }

    /**
     * One unit's delivery, or a physical line's shipment. {@code kind} is CODE, TEXT, FILE or SHIPMENT;
     * {@code value} (CODE), {@code text} (TEXT) and {@code url}/{@code urlExpiresAt} (FILE) are present
     * only once SENT and while not revoked; {@code step} (PAID before the first step, then PACKED,
     * SHIPPED, DELIVERED) and the tracking only for SHIPMENT.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryView(String kind, @Nullable String status, @Nullable String value, @Nullable String text,
                        @Nullable String fileName, @Nullable String url, @Nullable Instant urlExpiresAt,
                        @Nullable Instant sentAt, @Nullable String step, @Nullable String carrier,
                        @Nullable String trackingNumber, @Nullable String trackingUrl) {

        static DeliveryView code(String status, @Nullable String code, @Nullable Instant sentAt) {
            return new DeliveryView("CODE", status, code, null, null, null, null, sentAt, null, null, null, null);
        }

        static DeliveryView text(String status, @Nullable String text, @Nullable Instant sentAt) {
            return new DeliveryView("TEXT", status, null, text, null, null, null, sentAt, null, null, null, null);
        }

        static DeliveryView file(String status, @Nullable String fileName, @Nullable DownloadLinks.Link link,
                                 @Nullable Instant sentAt) {
            return new DeliveryView("FILE", status, null, null, fileName, link == null ? null : link.url(),
                    link == null ? null : link.expiresAt(), sentAt, null, null, null, null);
        }

        /** A physical line: the order's latest shipment step, or PAID while none is set. */
        static DeliveryView shipment(@Nullable ShipmentStatus latest) {
            if (latest == null) {
                return new DeliveryView("SHIPMENT", null, null, null, null, null, null, null, "PAID", null, null, null);
            }
            return new DeliveryView("SHIPMENT", null, null, null, null, null, null, latest.at(), latest.step().name(),
                    latest.carrier(), latest.trackingNumber(), latest.trackingUrl());
        }

        @Override
        public String toString() {
            return "DeliveryView[" + kind + ", " + status + "]";
        }
    }

    @Serdeable
    record Entitlements(List<SubscriptionEntitlement> subscriptions, List<ProductEntitlement> products) {
    }

    /** An active subscription: paid, not refunded, not expired. */
    @Serdeable
    record SubscriptionEntitlement(String sku, String title, UUID orderId, Instant expiresAt, boolean cancelled) {
    }

    /** A digital product bought and not refunded (PAID or FULFILLED). */
    @Serdeable
    record ProductEntitlement(String sku, String title, UUID orderId, int quantity) {
    }
}
