package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** setWebhook, deleteWebhook, getWebhookInfo, getUpdates. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class UpdateMethods implements BotMethods {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Telegram caps long polls; a bigger timeout is served as this. */
    private static final long MAX_POLL_SECONDS = 50;

    private final UpdateStore store;
    private final UpdatePublisher publisher;
    private final WebhookDispatcher webhook;

    UpdateMethods(UpdateStore store, UpdatePublisher publisher, WebhookDispatcher webhook) {
        this.store = store;
        this.publisher = publisher;
        this.webhook = webhook;
    }

    @Override
    public void register(Map<String, BotMethod> registry) {
        registry.put("setWebhook", this::setWebhook);
        registry.put("deleteWebhook", this::deleteWebhook);
        registry.put("getWebhookInfo", p -> webhookInfo());
        registry.put("getUpdates", this::getUpdates);
    }

    private Object setWebhook(Params p) {
        String url = p.string("url");
        if (url == null || url.isEmpty()) {
            return deleteWebhook(p);
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw BotApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        String secret = p.string("secret_token");
        if (secret != null && !SECRET.matcher(secret).matches()) {
            throw BotApiError.badRequest("secret token contains unallowed characters");
        }
        if (p.bool("drop_pending_updates")) {
            store.dropPending();
        }
        publisher.allowedUpdates(p.list("allowed_updates"));
        Long max = p.longValue("max_connections");
        webhook.register(new WebhookTarget(url, secret, publisher.allowedUpdates(),
                max == null ? 40 : (int) Math.max(1, Math.min(100, max))));
        return true;
    }

    private Object deleteWebhook(Params p) {
        webhook.unregister();
        if (p.bool("drop_pending_updates")) {
            store.dropPending();
        }
        return true;
    }

    private Map<String, Object> webhookInfo() {
        WebhookTarget target = webhook.target().orElse(null);
        WebhookErrors.LastError error = webhook.errors().last();
        return Json.obj("url", target == null ? "" : target.url(), "has_custom_certificate", false,
                "pending_update_count", store.pendingCount(),
                "last_error_date", target == null || error == null ? null : error.date(),
                "last_error_message", target == null || error == null ? null : error.message(),
                "max_connections", target == null ? null : target.maxConnections(),
                "allowed_updates", target == null || target.allowedUpdates().isEmpty() ? null : target.allowedUpdates());
    }

    private Object getUpdates(Params p) {
        if (webhook.target().isPresent()) {
            throw BotApiError.conflict(
                    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
        Long offset = p.longValue("offset");
        if (offset != null) {
            store.confirmBelow(offset);
        }
        publisher.allowedUpdates(p.list("allowed_updates"));
        long limit = p.longValue("limit") == null ? 100 : Math.max(1, Math.min(100, p.longValue("limit")));
        long timeout = p.longValue("timeout") == null ? 0 : Math.max(0, Math.min(MAX_POLL_SECONDS, p.longValue("timeout")));
        try {
            store.awaitAny(Duration.ofSeconds(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Map<String, Object>> updates = store.live((int) limit).stream().map(TrackedUpdate::update).toList();
        return updates;
    }
}
