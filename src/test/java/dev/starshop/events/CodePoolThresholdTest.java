package dev.starshop.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A code pool is reported once when it falls below the threshold, and once more when it runs out. */
class CodePoolThresholdTest {

    @Test
    void reportsCrossingsNotEveryClaimBelowTheThreshold() {
        assertTrue(OperatorAlerts.crossedThreshold(10, 9, 10));
        assertTrue(OperatorAlerts.crossedThreshold(12, 3, 10), "a large claim jumps over the threshold");
        assertFalse(OperatorAlerts.crossedThreshold(9, 8, 10));
        assertFalse(OperatorAlerts.crossedThreshold(50, 49, 10));
        assertTrue(OperatorAlerts.crossedThreshold(1, 0, 10), "ran out");
        assertFalse(OperatorAlerts.crossedThreshold(0, 0, 10));
    }
}
