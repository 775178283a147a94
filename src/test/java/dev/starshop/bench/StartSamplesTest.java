package dev.starshop.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StartSamplesTest {

    @Test
    void theMedianStartIsTheMiddleOneByWallTimeWithItsOwnCpu() {
        StartSamples starts = new StartSamples();
        starts.add(2.9, 4.4);
        starts.add(2.2, 3.4);
        starts.add(2.5, 3.1);

        assertEquals(new StartSamples.Start(2.5, 3.1), starts.median());
        assertEquals("2.90/4.40, 2.20/3.40, 2.50/3.10", starts.listed());
    }

    @Test
    void anEvenCountTakesTheSlowerMiddleStart() {
        StartSamples starts = new StartSamples();
        starts.add(3.0, 1);
        starts.add(1.0, 1);
        starts.add(4.0, 1);
        starts.add(2.0, 1);

        assertEquals(3.0, starts.median().seconds());
    }

    @Test
    void noStartHasNoMedian() {
        assertThrows(IllegalStateException.class, () -> new StartSamples().median());
    }
}
