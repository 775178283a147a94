package dev.starshop.platform.problem;

import java.time.Duration;
import java.util.Map;

/**
 * A refusal that goes away with time (a rate limit): the response carries {@code Retry-After} in
 * whole seconds, rounded up and never below one, so a client that waits that long is let through.
 * The problem document repeats it as {@code retryAfterSeconds}, for clients that cannot read headers.
 */
public class RetryLaterException extends ProblemException {

    private final long retryAfterSeconds;

    public RetryLaterException(ProblemCode code, String detail, Duration retryAfter) {
        super(code, detail, Map.of("retryAfterSeconds", wholeSeconds(retryAfter)));
        this.retryAfterSeconds = wholeSeconds(retryAfter);
    }

    /** What {@code Retry-After} will say for {@code wait}: whole seconds, rounded up, at least one. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
