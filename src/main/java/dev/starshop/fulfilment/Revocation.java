package dev.starshop.fulfilment;

import dev.starshop.order.ChargebackListener;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/**
 * A refunded order takes back what it delivered, in the refund's transaction: every delivery becomes
 * REVOKED (a pending one is never sent, a download link of a sent one is refused from then on) and
 * its codes are revoked. A revoked code stays claimed, so nobody else gets a code the refunded buyer
 * has seen, unless {@code starshop.fulfilment.revoked-codes-return-to-pool} is true: then it goes
 * back to the pool (and the product's stock) for the next buyer.
 */
@Singleton
class Revocation implements ChargebackListener {

    private final DeliveryRepository deliveries;
    private final CodePool codes;
    private final boolean returnToPool;
    private final Clock clock;

    Revocation(DeliveryRepository deliveries, CodePool codes,
               @Value("${starshop.fulfilment.revoked-codes-return-to-pool:false}") boolean returnToPool,
               Clock clock) {
        this.deliveries = deliveries;
        this.codes = codes;
        this.returnToPool = returnToPool;
        this.clock = clock;
    }

    /** A chargeback takes what the order delivered back, as a refund does. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void onChargeback(UUID orderId) {
        revoke(orderId);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void revoke(UUID orderId) {
        deliveries.revoke(orderId, clock.instant());
        if (returnToPool) {
            codes.returnToPool(orderId);
        } else {
            codes.revoke(orderId, clock.instant());
        }
    }
}
