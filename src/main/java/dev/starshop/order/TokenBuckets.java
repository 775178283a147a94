package dev.starshop.order;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a Telegram user id), held in memory in a bounded map: at most
 * {@code maxKeys} buckets, the least recently used forgotten first, so a flood of distinct users
 * costs a fixed amount of memory (about 100 bytes a bucket). Forgetting a bucket only forgives:
 * that user starts again with a full one. Caffeine is not on the classpath and one dependency for
 * this is not worth it; the map is split into {@link #STRIPES} access-ordered LinkedHashMaps, each
 * behind its own lock, so buyers rarely wait on each other and every operation is a few field updates.
 */
final class TokenBuckets {

    static final int STRIPES = 16;

    private final long interval;
    private final long tolerance;
    private final LongSupplier nanoTime;
    private final Stripe[] stripes = new Stripe[STRIPES];

    /**
     * @param perMinute tokens added per minute (the steady rate)
     * @param burst     the bucket's size: what a key that has been quiet may spend at once
     * @param nanoTime  a monotonic clock ({@code System::nanoTime}; a fake one in tests)
     */
    TokenBuckets(int perMinute, int burst, int maxKeys, LongSupplier nanoTime) {
        this.interval = Duration.ofMinutes(1).toNanos() / perMinute;
        this.tolerance = Math.multiplyExact(burst - 1L, interval);
        this.nanoTime = nanoTime;
        int perStripe = Math.max(1, (maxKeys + STRIPES - 1) / STRIPES);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(perStripe);
        }
    }

    /**
     * Takes one token for {@code key}: empty when it got one, otherwise how long until one is free.
     * Kept as the time the bucket would be full again ("generic cell rate algorithm"), a single
     * integer instead of a fractional token count: exact, and nothing to refill.
     */
    Optional<Duration> take(long key) {
        Stripe stripe = stripes[Math.floorMod(Long.hashCode(key * 0x9E3779B97F4A7C15L), STRIPES)];
        synchronized (stripe) {
            long now = nanoTime.getAsLong();
            Bucket bucket = stripe.computeIfAbsent(key, k -> new Bucket(now));
            long fullAt = Math.max(bucket.fullAt, now);
            long owed = fullAt - now;
            if (owed > tolerance) {
                return Optional.of(Duration.ofNanos(owed - tolerance));
            }
            bucket.fullAt = fullAt + interval;
            return Optional.empty();
        }
    }

    /** Buckets held now, for the bound's test and a gauge. */
    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    /** When the bucket is full again; at or before now means full. */
    private static final class Bucket {
        long fullAt;

        Bucket(long fullAt) {
            this.fullAt = fullAt;
        }
    }

    /** An LRU map: access order, the eldest dropped once it holds more than its share. */
    private static final class Stripe extends LinkedHashMap<Long, Bucket> {
        private final int maxSize;

        Stripe(int maxSize) {
            super(16, 0.75f, true);
            this.maxSize = maxSize;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Bucket> eldest) {
            return size() > maxSize;
        }
    }
}
