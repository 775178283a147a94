package dev.starshop.telegram.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Telegram's limits for one chat, as this engine sends: at least {@code interval} between messages
 * and at most {@code perMinute} in any minute. Counted in memory per engine.
 */
final class ChatRateLimit {

    private final Duration interval;
    private final int perMinute;
    private final Deque<Instant> sent = new ArrayDeque<>();

    ChatRateLimit(Duration interval, int perMinute) {
        this.interval = interval;
        this.perMinute = Math.max(1, perMinute);
    }

    /** How many messages may go now: 0 or 1. */
    synchronized int budget(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minusSeconds(60))) {
            sent.pollFirst();
        }
        boolean pausedLongEnough = sent.isEmpty() || !sent.peekLast().plus(interval).isAfter(now);
        return pausedLongEnough && sent.size() < perMinute ? 1 : 0;
    }

    synchronized void sent(Instant now) {
        sent.addLast(now);
    }
}
