package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram's update queue for the bot: ids increase by one, updates stay until confirmed
 * (getUpdates offset or a 2xx webhook answer) or until they expire, as on Telegram; expired ones are
 * swept whenever an update is added. Finished updates (delivered, expired, dropped) are kept only in
 * a small ring for the activity view. Long polls wait on this object's monitor.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class UpdateStore {

    private static final Set<String> QUERY_KINDS = Set.of("pre_checkout_query", "shipping_query");

    private final SandboxSettings settings;
    private final Clock clock;
    /** Like Telegram, ids start from an arbitrary positive number rather than 1. */
    private final AtomicLong lastId = new AtomicLong(100_000_000L + new SecureRandom().nextInt(800_000_000));
    private final ConcurrentSkipListMap<Long, TrackedUpdate> pending = new ConcurrentSkipListMap<>();
    private final Ring<TrackedUpdate> finished;
    private Instant lastSweep = Instant.EPOCH;

    UpdateStore(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.finished = new Ring<>(settings.recentUpdates());
    }

    TrackedUpdate add(long userId, String kind, java.util.Map<String, Object> payload) {
        Instant now = clock.instant();
        Duration ttl = QUERY_KINDS.contains(kind) ? settings.queryUpdateTtl() : settings.updateTtl();
        TrackedUpdate update;
        synchronized (this) {
            update = new TrackedUpdate(lastId.incrementAndGet(), userId, kind, payload, now, now.plus(ttl));
            if (!now.isBefore(lastSweep.plusSeconds(1))) {
                sweepExpired(now);
                lastSweep = now;
            }
            pending.put(update.updateId(), update);
            notifyAll();
        }
        return update;
    }

    /** The oldest live update of one user: what the webhook must deliver next for them. */
    Optional<TrackedUpdate> nextFor(long userId) {
        for (TrackedUpdate update : pending.values()) {
            if (update.userId() == userId && live(update)) {
                return Optional.of(update);
            }
        }
        return Optional.empty();
    }

    Set<Long> usersWithPending() {
        Set<Long> users = new TreeSet<>();
        pending.values().forEach(update -> users.add(update.userId()));
        return users;
    }

    void confirm(TrackedUpdate update) {
        finish(update, TrackedUpdate.Status.DELIVERED);
    }

    /** Live (unexpired) pending updates, oldest first; expired ones are dropped on the way. */
    List<TrackedUpdate> live(int limit) {
        List<TrackedUpdate> result = new ArrayList<>();
        for (TrackedUpdate update : pending.values()) {
            if (result.size() < limit && live(update)) {
                result.add(update);
            }
        }
        return result;
    }

    /** getUpdates' offset: everything below it is confirmed; a negative offset keeps the last -offset. */
    void confirmBelow(long offset) {
        if (offset < 0) {
            List<Long> ids = new ArrayList<>(pending.keySet());
            ids.subList(0, Math.max(0, ids.size() + (int) offset)).forEach(id -> confirm(pending.get(id)));
            return;
        }
        pending.headMap(offset).values().forEach(this::confirm);
    }

    /** Blocks up to the timeout until an update arrives; returns at once if one is pending. */
    synchronized void awaitAny(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (live(1).isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    int pendingCount() {
        return live(Integer.MAX_VALUE).size();
    }

    void dropPending() {
        pending.values().forEach(update -> finish(update, TrackedUpdate.Status.DROPPED));
    }

    /** The recently finished updates and every pending one, by update_id. */
    List<TrackedUpdate> history() {
        List<TrackedUpdate> all = new ArrayList<>(finished.all());
        all.addAll(pending.values());
        all.sort(Comparator.comparingLong(TrackedUpdate::updateId));
        return all.stream().distinct().toList();
    }

    /** Updates held: pending (delivered or not yet expired) and finished (the activity ring). */
    Map<String, Integer> sizes() {
        return Map.of("pendingUpdates", pending.size(), "finishedUpdates", finished.size());
    }

    synchronized void clear() {
        dropPending();
        finished.clear();
        notifyAll();
    }

    private boolean live(TrackedUpdate update) {
        if (update.expiredAt(clock.instant())) {
            finish(update, TrackedUpdate.Status.EXPIRED);
            return false;
        }
        return true;
    }

    /**
     * Drops what expired unseen (no webhook and no getUpdates, or a lane stuck on a failing update);
     * at most once a second, since it walks every pending update.
     */
    private void sweepExpired(Instant now) {
        pending.values().removeIf(update -> {
            if (update.expiredAt(now)) {
                update.finish(TrackedUpdate.Status.EXPIRED);
                finished.add(update);
                return true;
            }
            return false;
        });
    }

    private void finish(TrackedUpdate update, TrackedUpdate.Status outcome) {
        if (pending.remove(update.updateId()) != null) {
            update.finish(outcome);
            finished.add(update);
        }
    }
}
