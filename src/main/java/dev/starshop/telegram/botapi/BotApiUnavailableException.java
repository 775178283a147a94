package dev.starshop.telegram.botapi;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

/**
 * No usable answer from the Bot API: timeout, connection failure, a 5xx page or a body that is not
 * the JSON envelope. After a timeout the request may or may not have been executed by Telegram.
 */
public class BotApiUnavailableException extends ProblemException {

    /** Why there was no answer; decides whether a repeat may help. */
    public enum Reason {
        /** No answer in time; Telegram may still have executed the request. */
        TIMEOUT(true),
        /** The connection failed or broke. */
        CONNECTION(true),
        /** An HTTP 5xx without a Bot API envelope (a proxy's error page). */
        SERVER_ERROR(true),
        /** A response that is not the Bot API JSON envelope. */
        NOT_JSON(false),
        /** Sandbox mode, but the engine's own HTTP server (hosting the emulator) is not running. */
        NO_SERVER(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }
    }

    private final String method;
    private final Reason reason;

    public BotApiUnavailableException(String method, Reason reason, @Nullable Throwable redactedCause) {
        super(ProblemCode.BOT_API_UNAVAILABLE, "Bot API " + method + " unavailable: " + reason);
        this.method = method;
        this.reason = reason;
        if (redactedCause != null) {
            initCause(redactedCause);
        }
    }

    public String method() {
        return method;
    }

    public Reason reason() {
        return reason;
    }

    /** True when repeating later may succeed (and the method is safe to repeat). */
    public boolean isTransient() {
        return reason.transientFailure;
    }
}
