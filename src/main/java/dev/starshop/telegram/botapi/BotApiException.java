package dev.starshop.telegram.botapi;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * Telegram answered {@code "ok": false}. The message is built from the method name and Telegram's
 * description only, never from the URL, so the bot token cannot leak through it.
 */
public class BotApiException extends ProblemException {

    /** What kind of refusal this is, so callers switch on a kind instead of parsing text. */
    public enum Kind {
        BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, SERVER_ERROR, OTHER
    }

    private final String method;
    private final int errorCode;
    private final String description;
    @Nullable
    private final ResponseParameters parameters;

    public BotApiException(String method, int errorCode, @Nullable String description,
                           @Nullable ResponseParameters parameters) {
        super(ProblemCode.BOT_API_ERROR, "Bot API " + method + " failed: " + errorCode + " " + description);
        this.method = method;
        this.errorCode = errorCode;
        this.description = description == null ? "" : description;
        this.parameters = parameters;
    }

    public String method() {
        return method;
    }

    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    /** Seconds Telegram asks us to wait (flood control), or null. */
    @Nullable
    public Integer retryAfter() {
        return parameters == null ? null : parameters.retryAfter();
    }

    /** The supergroup a group was migrated to, or null. */
    @Nullable
    public Long migrateToChatId() {
        return parameters == null ? null : parameters.migrateToChatId();
    }

    public Kind kind() {
        return switch (errorCode) {
            case 400 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 429 -> Kind.TOO_MANY_REQUESTS;
            default -> errorCode >= 500 ? Kind.SERVER_ERROR : Kind.OTHER;
        };
    }

    /** A refund that already happened: the refund's goal is met, so callers treat it as success. */
    public boolean isChargeAlreadyRefunded() {
        return mentions("CHARGE_ALREADY_REFUNDED");
    }

    /** The charge id is unknown to Telegram (wrong id, or wrong user for that charge). */
    public boolean isChargeNotFound() {
        return mentions("CHARGE_NOT_FOUND") || mentions("CHARGE_ID_INVALID");
    }

    /** A pre-checkout or shipping query answered too late or twice: nothing more can be done for it. */
    public boolean isQueryExpired() {
        return mentions("QUERY_ID_INVALID") || description.toLowerCase(Locale.ROOT).contains("query is too old");
    }

    private boolean mentions(String telegramCode) {
        return description.contains(telegramCode);
    }
}
