package dev.starshop.sandbox;

import java.util.Map;

/**
 * What the user settled on before the pre-checkout query: order info and the chosen shipping.
 *
 * @param orderInfo        Telegram's OrderInfo, null when the invoice asked for nothing
 * @param shippingOptionId null unless the invoice is flexible
 * @param shippingAmount   sum of the chosen option's prices, minor units
 */
record Checkout(Map<String, Object> orderInfo, String shippingOptionId, long shippingAmount, long tipAmount) {
}
