package dev.starshop.order;

import java.util.UUID;

/**
 * Reacts, in the same transaction, when Telegram took an order's money back (a chargeback found by
 * reconciliation). The order keeps its state (the money movement is the ledger's); what it
 * delivered is revoked by fulfilment. The same rules as {@link OrderTransitionListener}.
 */
public interface ChargebackListener {

    void onChargeback(UUID orderId);
}
