package dev.starshop.sandbox;

import java.time.Instant;
import java.util.Map;

/** One update and what happened to it; status fields change as delivery proceeds. */
final class TrackedUpdate {

    enum Status { PENDING, DELIVERED, EXPIRED, DROPPED }

    private final long updateId;
    private final long userId;
    private final String kind;
    private final Map<String, Object> update;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Status status = Status.PENDING;
    private int attempts;
    private int failures;
    private String lastError;

    TrackedUpdate(long updateId, long userId, String kind, Map<String, Object> payload, Instant createdAt,
                  Instant expiresAt) {
        this.updateId = updateId;
        this.userId = userId;
        this.kind = kind;
        this.update = Json.obj("update_id", updateId, kind, payload);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long updateId() {
        return updateId;
    }

    long userId() {
        return userId;
    }

    String kind() {
        return kind;
    }

    /** The Update object as Telegram serializes it. */
    Map<String, Object> update() {
        return update;
    }

    boolean expiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }

    synchronized Status status() {
        return status;
    }

    synchronized boolean isPending() {
        return status == Status.PENDING;
    }

    synchronized void finish(Status outcome) {
        if (status == Status.PENDING) {
            status = outcome;
        }
    }

    synchronized void attempted() {
        attempts++;
    }

    /** Returns how many attempts have failed so far, this one included. */
    synchronized int failed(String error) {
        lastError = error;
        return ++failures;
    }

    synchronized Map<String, Object> view() {
        return Json.obj("updateId", updateId, "userId", userId, "kind", kind, "status", status.name(),
                "attempts", attempts, "lastError", lastError, "createdAt", createdAt.toString(),
                "update", update);
    }
}
