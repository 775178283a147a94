package dev.starshop.sandbox;

import java.util.List;

/** What setWebhook registered. A new registration is a new object, so stale deliveries notice. */
record WebhookTarget(String url, String secretToken, List<String> allowedUpdates, int maxConnections) {
}
