package dev.starshop.order;

import java.util.UUID;

/**
 * The keys under which a shared transaction keeps rows it read ahead ({@code platform.db.ReadAhead}):
 * an order with its lines, locked; a buyer's row. Whoever writes such a row in the transaction
 * forgets its key first (this package's repositories do for orders and buyers).
 */
public final class ReadAheadKeys {

    private record OrderRow(UUID id) {
    }

    private record BuyerRow(long telegramUserId) {
    }

    private ReadAheadKeys() {
    }

    static Object order(UUID id) {
        return new OrderRow(id);
    }

    public static Object buyer(long telegramUserId) {
        return new BuyerRow(telegramUserId);
    }
}
