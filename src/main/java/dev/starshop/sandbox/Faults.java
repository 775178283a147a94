package dev.starshop.sandbox;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The fault knobs of the emulator.
 *
 * @param duplicateDeliveries every webhook delivery is sent this many times at once (1 = normal)
 * @param reorderAcrossUsers  add a random delay (up to {@code reorderWindowMillis}) before each
 *                            delivery so updates of different users overtake each other
 * @param reorderWindowMillis the largest random delay used by {@code reorderAcrossUsers}
 * @param dropResponses       the next N 2xx webhook answers are treated as lost (redelivered)
 * @param answerDelayMillis   every Bot API call is answered this much later
 * @param deliveryDelayMillis every webhook delivery starts this much later
 */
@Serdeable
public record Faults(int duplicateDeliveries, boolean reorderAcrossUsers, long reorderWindowMillis,
                     int dropResponses, long answerDelayMillis, long deliveryDelayMillis) {

    public static final Faults NONE = new Faults(1, false, 200, 0, 0, 0);

    Faults withDropResponses(int value) {
        return new Faults(duplicateDeliveries, reorderAcrossUsers, reorderWindowMillis, value,
                answerDelayMillis, deliveryDelayMillis);
    }
}
