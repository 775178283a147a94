package dev.starshop.harness;

import java.util.UUID;

/** An order placed through {@code POST /api/orders}, waiting for its payment. */
record PayableOrder(UUID id, long buyer, String currency, long totalAmount, String invoiceLink) {
}
