package dev.starshop.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry schedule as a pure function: 1 s, 5 s, 30 s, then doubling to one hour, for 24 hours. */
class RetryScheduleTest {

    @Test
    void startsWithinSecondsThenDoublesUpToAnHour() {
        List<Duration> delays = IntStream.rangeClosed(1, 12).mapToObj(RetrySchedule::delayAfter).toList();

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16),
                Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)), delays);
    }

    @Test
    void aDeliveryIsTriedForTwentyFourHoursAndThenFails() {
        Instant created = Instant.parse("2026-12-05T10:00:00Z");
        Instant until = created.plus(Duration.ofHours(24));
        Instant at = created;
        int attempts = 0;
        Optional<Instant> next = Optional.of(at);
        while (next.isPresent()) {
            at = next.get();
            attempts++;
            next = RetrySchedule.nextAttempt(attempts, at, until);
        }

        assertTrue(!at.isAfter(until), "the last attempt is inside the window: " + at);
        assertTrue(Duration.between(at, until).compareTo(Duration.ofHours(1)) < 0, "tried until the end: " + at);
        assertEquals(32, attempts, "the first, then after 1 s, 5 s, 30 s, 1…32 min, then hourly to 24 h");
    }
}
