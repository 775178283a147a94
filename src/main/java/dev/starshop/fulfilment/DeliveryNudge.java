package dev.starshop.fulfilment;

/** Tells the sender that deliveries committed, so it need not wait for its next tick. */
interface DeliveryNudge {

    void nudge();
}
