package dev.starshop.order;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

/**
 * The client's {@code Idempotency-Key} (absent: every request is new) and the fingerprint of the
 * request sent with it.
 */
record IdempotencyKey(@Nullable String value, String fingerprint) {

    static final int MAX_LENGTH = 255;

    static IdempotencyKey of(@Nullable String header, OrderRequest request) {
        if (header != null && (header.isBlank() || header.length() > MAX_LENGTH
                || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
        return new IdempotencyKey(header, request.fingerprint());
    }

    boolean isPresent() {
        return value != null;
    }
}
