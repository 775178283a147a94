package dev.starshop.telegram.updates;

import io.micronaut.json.tree.JsonNode;

import java.math.BigInteger;

/**
 * Telegram's integers (update ids, amounts) fit in 64 bits. A reader would quietly cut 1.5, 1e400
 * or 2^70 to some other number, so such values are recognised on the JSON tree before reading.
 */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /** True for a JSON integer that fits in a long; false for fractions, exponents, strings, absence. */
    public static boolean isWholeLong(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        Number number = node.getNumberValue();
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof BigInteger big && big.bitLength() < Long.SIZE;
    }
}
