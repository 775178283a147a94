package dev.starshop.platform.problem;

import java.util.Map;

/**
 * A failure the client can understand: it carries a stable {@link ProblemCode}, a detail message
 * safe to show (no SQL, no secrets) and, where the client needs a value to act on (the order that
 * was saved, the SKU that ran out), extension members for the problem document. Domain exceptions
 * extend it or are built from it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemCode code;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemCode code, String detail) {
        this(code, detail, Map.of());
    }

    /** @param extensions top-level members of the problem document, e.g. {@code Map.of("orderId", id)} */
    public ProblemException(ProblemCode code, String detail, Map<String, ?> extensions) {
        super(detail);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemCode code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Problem toProblem() {
        return Problem.of(code, getMessage(), extensions);
    }
}
