package dev.starshop.platform.problem;

/**
 * A failure the client can understand: it carries a stable {@link ProblemCode} and a detail
 * message safe to show (no SQL, no secrets). Domain exceptions extend it or are built from it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemCode code;

    public ProblemException(ProblemCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }

    public Problem toProblem() {
        return Problem.of(code, getMessage());
    }
}
