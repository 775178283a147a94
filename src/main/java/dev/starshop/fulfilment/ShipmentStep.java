package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * A physical order's fulfilment steps after PAID, in the only order they may be set. They live in
 * {@code shipment_steps}, beside the order's status: the order stays PAID until {@link #DELIVERED},
 * which makes it FULFILLED. docs/orders.md renders this sequence (ShipmentStepsDocsTest).
 */
public enum ShipmentStep {
    PACKED,
    /** Needs the carrier and the tracking number; the tracking URL is optional. */
    SHIPPED,
    /** The buyer has the goods: the order becomes FULFILLED. */
    DELIVERED;

    /** The step that must come next when {@code last} is the latest step set (null: none yet). */
    public static Optional<ShipmentStep> after(@Nullable ShipmentStep last) {
        if (last == null) {
            return Optional.of(PACKED);
        }
        int next = last.ordinal() + 1;
        return next < values().length ? Optional.of(values()[next]) : Optional.empty();
    }

    /** SHIPPED carries the carrier and the tracking number (and optionally a tracking URL). */
    public boolean needsTracking() {
        return this == SHIPPED;
    }

    /** Setting this step makes the order FULFILLED; before it the order stays PAID. */
    public boolean fulfils() {
        return this == DELIVERED;
    }

    /** The step that must be set before this one, if any. */
    public Optional<ShipmentStep> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The step named by an operator, or empty for anything else (any case is accepted). */
    static Optional<ShipmentStep> parse(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ShipmentStep step : values()) {
            if (step.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
