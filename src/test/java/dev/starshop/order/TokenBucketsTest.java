package dev.starshop.order;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bucket arithmetic and the memory bound, on a clock the test moves. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketAllowsTheBurstThenOneTokenPerInterval() {
        TokenBuckets buckets = new TokenBuckets(10, 5, 1000, now::get);

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), buckets.take(42));
        }
        assertEquals(Optional.of(Duration.ofSeconds(6)), buckets.take(42));
        advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(Duration.ofSeconds(1)), buckets.take(42));
        advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), buckets.take(42));
        assertTrue(buckets.take(42).isPresent());
    }

    @Test
    void aQuietKeyRefillsOnlyUpToTheBurst() {
        TokenBuckets buckets = new TokenBuckets(10, 5, 1000, now::get);
        for (int i = 0; i < 5; i++) {
            buckets.take(7);
        }

        advance(Duration.ofHours(1));

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), buckets.take(7));
        }
        assertTrue(buckets.take(7).isPresent());
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 1000, now::get);

        assertEquals(Optional.empty(), buckets.take(1));
        assertTrue(buckets.take(1).isPresent());
        assertEquals(Optional.empty(), buckets.take(2));
    }

    @Test
    void aFloodOfKeysIsHeldToTheBoundAndKeepsTheRecentlyActive() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 1600, now::get);
        buckets.take(-1);
        assertTrue(buckets.take(-1).isPresent());

        for (long key = 0; key < 200_000; key++) {
            buckets.take(key);
            if (key % 50 == 0) {
                assertTrue(buckets.take(-1).isPresent(), "the active key is never forgotten, so never forgiven");
            }
        }

        assertTrue(buckets.size() <= 1600, "held " + buckets.size());
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
