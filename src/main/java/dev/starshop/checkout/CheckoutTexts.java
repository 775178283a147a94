package dev.starshop.checkout;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/** What buyers read from checkout, in English and Simplified Chinese (chosen by language_code). */
enum CheckoutTexts {
    EN("This order no longer exists. Please start again in the shop.",
            "This order was already paid.",
            "This order has expired or was cancelled. Please place a new one.",
            "The price has changed. Please reopen the order in the shop.",
            "We do not ship to this country.",
            "Payment received: %s for order #%s. Thank you!",
            "We received your payment of %s for order #%s, but the order could not be completed. "
                    + "The shop will refund you or get in touch.",
            "Refunded: %s for order #%s.",
            "The shop is briefly unavailable and you were not charged. Please try again in a minute.",
            "The promo code on this order is no longer valid (the shop withdrew it or it expired). "
                    + "You were not charged. Please place the order again in the shop.",
            "The promo code on this order is out of scope: it no longer applies to any of its products "
                    + "(the shop changed its catalog). You were not charged. Please place the order again in the shop."),
    ZH("此订单已不存在，请在商店重新下单。",
            "此订单已付款。",
            "此订单已过期或已取消，请重新下单。",
            "价格已变动，请在商店中重新打开订单。",
            "我们不向该国家/地区发货。",
            "已收到付款：%s，订单 #%s。谢谢！",
            "我们已收到您为订单 #%2$s 支付的 %1$s，但订单无法完成。商店将为您退款或与您联系。",
            "已退款：%s，订单 #%s。",
            "商店暂时无法处理付款，您未被扣款。请一分钟后重试。",
            "此订单使用的优惠码已失效（商店已撤回或已过期）。您未被扣款，请在商店中重新下单。",
            "此订单使用的优惠码已不适用于订单中的任何商品（商店调整了商品分类）。您未被扣款，请在商店中重新下单。");

    final String unknownOrder;
    final String alreadyPaid;
    final String closed;
    final String priceChanged;
    final String noShipping;
    final String receipt;
    final String receiptNeedsReview;
    final String refunded;
    final String unavailable;
    final String promoLapsed;
    final String promoOutOfScope;

    CheckoutTexts(String unknownOrder, String alreadyPaid, String closed, String priceChanged, String noShipping,
                  String receipt, String receiptNeedsReview, String refunded, String unavailable,
                  String promoLapsed, String promoOutOfScope) {
        this.promoLapsed = promoLapsed;
        this.promoOutOfScope = promoOutOfScope;
        this.unknownOrder = unknownOrder;
        this.alreadyPaid = alreadyPaid;
        this.closed = closed;
        this.priceChanged = priceChanged;
        this.noShipping = noShipping;
        this.receipt = receipt;
        this.receiptNeedsReview = receiptNeedsReview;
        this.refunded = refunded;
        this.unavailable = unavailable;
    }

    static CheckoutTexts forLanguage(@Nullable String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }
}
