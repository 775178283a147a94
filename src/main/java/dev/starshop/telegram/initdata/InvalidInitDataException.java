package dev.starshop.telegram.initdata;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

/** initData that cannot be trusted; the HTTP layer answers 401 {@code invalid-init-data}. */
public final class InvalidInitDataException extends ProblemException {

    /** Why it was refused; the detail message says the same in words. */
    public enum Reason { MISSING, MALFORMED, BAD_SIGNATURE, EXPIRED }

    private final Reason reason;

    public InvalidInitDataException(Reason reason, String detail) {
        super(ProblemCode.INVALID_INIT_DATA, detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
