package dev.starshop.telegram.botapi;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

/** A request Telegram would refuse, caught before any HTTP call so no round-trip is wasted. */
public class BotApiRequestInvalidException extends ProblemException {

    private final String method;

    public BotApiRequestInvalidException(String method, String rule) {
        super(ProblemCode.INVALID_REQUEST, method + ": " + rule);
        this.method = method;
    }

    public String method() {
        return method;
    }
}
