package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.ProductKind;
import dev.starshop.promo.Discount;
import dev.starshop.promo.PricedLine;
import dev.starshop.promo.PromoCodes;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The order's side of promo codes: what a code takes off an order, its use reserved and given back. */
@Singleton
class OrderPromotions {

    private final PromoCodes codes;

    OrderPromotions(PromoCodes codes) {
        this.codes = codes;
    }

    /** Empty without a code; a code that does not apply throws its 422 problem and the order is not written. */
    Optional<Discount> discountFor(OrderRequest request, Buyer buyer, List<OrderLine> lines, Instant now) {
        if (!request.hasPromoCode()) {
            return Optional.empty();
        }
        List<PricedLine> priced = lines.stream().map(line -> new PricedLine(line.sku(), line.lineTotal())).toList();
        boolean subscription = lines.stream().anyMatch(line -> line.kind() == ProductKind.SUBSCRIPTION);
        return Optional.of(codes.reserve(request.promoCode(), buyer.telegramUserId(), priced,
                lines.get(0).unitPrice().currency(), subscription, now));
    }

    void recordUse(Order order, Discount discount, Instant now) {
        codes.recordUse(order.id(), discount, order.buyerId(), now);
    }

    void release(Order order, Instant now) {
        codes.release(order.id(), now);
    }
}
