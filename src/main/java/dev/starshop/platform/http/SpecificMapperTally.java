package dev.starshop.platform.http;

import java.util.concurrent.atomic.AtomicInteger;

/** How many specific JSON mappers were asked for, and how many of them were built since. */
final class SpecificMapperTally {

    private final AtomicInteger deferred = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();

    void deferred() {
        deferred.incrementAndGet();
    }

    void created() {
        created.incrementAndGet();
    }

    /** Specific mappers handed out unbuilt (one per JSON route when the router is built, and per later request). */
    int deferredCount() {
        return deferred.get();
    }

    /** Of those, the ones built because something was written or read with them. */
    int createdCount() {
        return created.get();
    }
}
