package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes updates to the registered webhook like Telegram's server: one update in flight per
 * user (the next only after a 2xx or expiry), users in parallel, retries with doubling delays.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final UpdateStore store;
    private final SandboxSettings settings;
    private final FaultKnobs faults;
    private final Clock clock;
    private final WebhookPoster poster;
    private final Provider<BotApiDispatcher> botApi;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sandbox-webhook");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<WebhookTarget> target = new AtomicReference<>();
    private final Set<Long> busyUsers = ConcurrentHashMap.newKeySet();
    private final WebhookErrors errors = new WebhookErrors();

    WebhookDispatcher(UpdateStore store, SandboxSettings settings, FaultKnobs faults, Clock clock,
                      Provider<BotApiDispatcher> botApi, JsonMapper json) {
        this.store = store;
        this.settings = settings;
        this.faults = faults;
        this.clock = clock;
        this.botApi = botApi;
        this.poster = new WebhookPoster(scheduler, settings.webhookTimeout(), json);
    }

    Optional<WebhookTarget> target() {
        return Optional.ofNullable(target.get());
    }

    WebhookErrors errors() {
        return errors;
    }

    void register(WebhookTarget value) {
        poster.prepare();
        target.set(value);
        errors.clear();
        store.usersWithPending().forEach(this::kick);
    }

    void unregister() {
        target.set(null);
    }

    /** Starts delivering the user's oldest update unless one of theirs is already in flight. */
    void kick(long userId) {
        WebhookTarget current = target.get();
        if (current != null && busyUsers.add(userId)) {
            schedule(() -> deliverNext(userId, current), 0);
        }
    }

    private void deliverNext(long userId, WebhookTarget expected) {
        Optional<TrackedUpdate> next = target.get() == expected ? store.nextFor(userId) : Optional.empty();
        if (next.isEmpty()) {
            busyUsers.remove(userId);
            // An update may have arrived between the lookup and the release.
            if (store.nextFor(userId).isPresent()) {
                kick(userId);
            }
            return;
        }
        attempt(next.get(), expected);
    }

    private void attempt(TrackedUpdate update, WebhookTarget expected) {
        if (target.get() != expected || !update.isPending()) {
            deliverNext(update.userId(), expected);
            return;
        }
        if (update.expiredAt(clock.instant())) {
            store.nextFor(update.userId()); // drops it as expired
            deliverNext(update.userId(), expected);
            return;
        }
        update.attempted();
        int copies = Math.max(1, faults.current().duplicateDeliveries());
        for (int i = 1; i < copies; i++) {
            poster.post(expected, update.update()); // duplicates race the real delivery; answers ignored
        }
        poster.post(expected, update.update())
                .whenComplete((response, error) -> onAnswer(update, expected, response, error));
    }

    private void onAnswer(TrackedUpdate update, WebhookTarget expected, HttpResponse<String> response,
                          Throwable error) {
        boolean ok = error == null && response.statusCode() / 100 == 2;
        if (ok && !faults.takeDroppedResponse()) {
            store.confirm(update);
            honourMethodCall(response.body());
            schedule(() -> deliverNext(update.userId(), expected), 0);
            return;
        }
        String message = ok ? "Response was lost (sandbox fault knob)" : WebhookPoster.describe(response, error);
        errors.record(clock.instant(), message);
        int failures = update.failed(message);
        long delay = Math.max(retryDelay(failures), WebhookPoster.retryAfterMillis(response));
        schedule(() -> attempt(update, expected), delay);
    }

    /** First retry at once, then base, 2·base, 4·base … up to the cap. */
    long retryDelay(int failures) {
        if (failures <= 1) {
            return 0;
        }
        long base = settings.retryBase().toMillis();
        long delay = base << Math.min(30, failures - 2);
        return Math.min(delay < 0 ? Long.MAX_VALUE : delay, settings.retryCap().toMillis());
    }

    /** Telegram executes a method call returned in the webhook answer body. */
    private void honourMethodCall(String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        try {
            botApi.get().invokeFromWebhookAnswer(body);
        } catch (RuntimeException e) {
            LOG.debug("Method call in webhook answer ignored: {}", e.getMessage());
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        Faults now = faults.current();
        long extra = now.deliveryDelayMillis();
        if (now.reorderAcrossUsers() && now.reorderWindowMillis() > 0) {
            extra += ThreadLocalRandom.current().nextLong(now.reorderWindowMillis());
        }
        try {
            scheduler.schedule(task, delayMillis + extra, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Sandbox shutting down; delivery not scheduled");
        }
    }

    void reset() {
        target.set(null);
        busyUsers.clear();
        errors.clear();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        target.set(null);
        scheduler.shutdownNow();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
    }
}
