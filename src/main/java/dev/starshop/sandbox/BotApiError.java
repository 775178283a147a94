package dev.starshop.sandbox;

/**
 * A Bot API failure exactly as Telegram reports it: an HTTP status equal to {@code error_code}
 * and a description that starts with the status phrase ("Bad Request: ...").
 */
final class BotApiError extends RuntimeException {

    private final int status;
    private final Integer retryAfter;

    private BotApiError(int status, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static BotApiError badRequest(String reason) {
        return new BotApiError(400, "Bad Request: " + reason, null);
    }

    static BotApiError unauthorized() {
        return new BotApiError(401, "Unauthorized", null);
    }

    static BotApiError notFound() {
        return new BotApiError(404, "Not Found", null);
    }

    static BotApiError conflict(String reason) {
        return new BotApiError(409, "Conflict: " + reason, null);
    }

    /** Telegram's answer to an upload over its limit (50 MB for bots). */
    static BotApiError requestEntityTooLarge() {
        return new BotApiError(413, "Request Entity Too Large", null);
    }

    static BotApiError internalServerError() {
        return new BotApiError(500, "Internal Server Error", null);
    }

    static BotApiError tooManyRequests(int retryAfterSeconds) {
        return new BotApiError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    String description() {
        return getMessage();
    }

    /** Telegram's envelope: {@code parameters.retry_after} only for flood control. */
    java.util.Map<String, Object> envelope() {
        return Json.obj("ok", false, "error_code", status, "description", getMessage(),
                "parameters", retryAfter == null ? null : Json.obj("retry_after", retryAfter));
    }
}
