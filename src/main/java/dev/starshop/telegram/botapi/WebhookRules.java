package dev.starshop.telegram.botapi;

/** setWebhook limits from the spec: secret_token 1-256 of A-Z a-z 0-9 _ -, max_connections 1-100. */
final class WebhookRules {

    private WebhookRules() {
    }

    static void check(SetWebhook request) {
        String secret = request.secretToken();
        if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            // The value is a secret: the message names the rule, never the value.
            throw new BotApiRequestInvalidException("setWebhook",
                    "secret_token must be 1-256 of A-Z, a-z, 0-9, _ and -");
        }
        Integer connections = request.maxConnections();
        if (connections != null && (connections < 1 || connections > 100)) {
            throw new BotApiRequestInvalidException("setWebhook", "max_connections must be 1-100, is " + connections);
        }
    }
}
