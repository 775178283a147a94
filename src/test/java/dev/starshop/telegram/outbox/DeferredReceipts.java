package dev.starshop.telegram.outbox;

import dev.starshop.telegram.updates.OutboxNudge;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Keeps receipts in the outbox during an ingest benchmark. They are still written in each
 * payment's transaction (that INSERT is measured); only their asynchronous delivery, which would
 * add a commit per message outside the webhook's path, is left out of the measurement. The sender
 * is still created for its timer, so the benchmark also sets {@code starshop.telegram.outbox-interval}
 * long and checks afterwards that no receipt left the outbox.
 */
@Singleton
@Replaces(OutboxSender.class)
@Requires(property = "starshop.bench.defer-receipts", value = "true")
final class DeferredReceipts implements OutboxNudge {

    @Override
    public void nudge() {
        // deliberately nothing: see the class comment
    }
}
