package dev.starshop.telegram.updates;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

/**
 * An update that does not read as Telegram's types: 400 malformed-request, nothing stored, and
 * Telegram delivers it again. The message names the field and its expected type, never its value
 * (an update may carry a buyer's address). With an update id the inbox counts the attempt and
 * parks the update after the last one; without, it can be neither counted nor parked.
 */
public class UnreadableUpdate extends ProblemException {

    private final Long updateId;
    private final String field;

    UnreadableUpdate(String message) {
        this(null, "empty", message);
    }

    UnreadableUpdate(@Nullable Long updateId, String field, String message) {
        super(ProblemCode.MALFORMED_REQUEST, message);
        this.updateId = updateId;
        this.field = field;
    }

    /** The update's id, when the body had a readable one. */
    @Nullable
    public Long updateId() {
        return updateId;
    }

    /** The update's first field after update_id ("message", "pre_checkout_query", …). */
    String field() {
        return field;
    }
}
