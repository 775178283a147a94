package dev.starshop.backoffice.orders;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the admin order list ends: the last row's {@code created_at} and id, the keys the
 * list is sorted by. Clients treat it as an opaque token; it is a position, not a permission.
 */
record OrderCursor(Instant createdAt, UUID id) {

    private static final char SEPARATOR = '|';

    String encode() {
        String text = createdAt.toString() + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static OrderCursor decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int split = text.indexOf(SEPARATOR);
            return new OrderCursor(Instant.parse(text.substring(0, split)), UUID.fromString(text.substring(split + 1)));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "cursor is not one this API handed out; pass nextCursor from the previous page unchanged");
        }
    }
}
