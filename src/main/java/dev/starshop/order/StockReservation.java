package dev.starshop.order;

import dev.starshop.catalog.CatalogService;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Holds catalog stock for an order's lines inside the order's transaction. Products are taken in
 * id order so two orders for the same products never wait on each other in a cycle.
 */
@Singleton
class StockReservation {

    private final CatalogService catalog;

    StockReservation(CatalogService catalog) {
        this.catalog = catalog;
    }

    void reserve(List<OrderLine> lines) {
        for (OrderLine line : inLockOrder(lines)) {
            if (!catalog.reserve(line.productId(), line.quantity())) {
                throw outOfStock(line);
            }
        }
    }

    private ProblemException outOfStock(OrderLine line) {
        Integer left = catalog.product(line.sku()).stockAvailable();
        return outOfStock(line.sku(), line.quantity(), left == null ? 0 : left);
    }

    /** Names the SKU and what is left of it, so the Mini App can offer that many instead. */
    static ProblemException outOfStock(String sku, int requested, int available) {
        return new ProblemException(ProblemCode.OUT_OF_STOCK, "Not enough '" + sku + "' left for " + requested,
                Map.of("sku", sku, "requested", requested, "available", available));
    }

    void release(List<OrderLine> lines) {
        for (OrderLine line : inLockOrder(lines)) {
            catalog.release(line.productId(), line.quantity());
        }
    }

    private static List<OrderLine> inLockOrder(List<OrderLine> lines) {
        return lines.stream().sorted(Comparator.comparingLong(OrderLine::productId)).toList();
    }
}
