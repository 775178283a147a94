package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.UUID;

/** What the buyer reads at each shipment step, in English and Simplified Chinese (by language_code). */
enum ShipmentTexts {
    EN("Your order #%s is packed and will be on its way soon.",
            "Your order #%s has shipped with %s. Tracking number: %s",
            "Track it: %s",
            "Your order #%s has been delivered. Thank you for shopping with us!"),
    ZH("您的订单 #%s 已打包，即将发货。",
            "您的订单 #%s 已由 %s 发出。运单号：%s",
            "查询物流：%s",
            "您的订单 #%s 已送达。感谢您的惠顾！");

    private final String packed;
    private final String shipped;
    private final String trackingLink;
    private final String delivered;

    ShipmentTexts(String packed, String shipped, String trackingLink, String delivered) {
        this.packed = packed;
        this.shipped = shipped;
        this.trackingLink = trackingLink;
        this.delivered = delivered;
    }

    static ShipmentTexts forLanguage(@Nullable String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }

    String message(UUID orderId, ShipmentMark mark) {
        String shortId = orderId.toString().substring(0, 8);
        return switch (mark.step()) {
            case PACKED -> packed.formatted(shortId);
            case SHIPPED -> shipped.formatted(shortId, mark.carrier(), mark.trackingNumber())
                    + (mark.trackingUrl() == null ? "" : "\n" + trackingLink.formatted(mark.trackingUrl()));
            case DELIVERED -> delivered.formatted(shortId);
        };
    }
}
