package dev.starshop.order;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

import java.util.UUID;

/** A state change the order's current state does not allow; the message names both states. */
public final class IllegalTransitionException extends ProblemException {

    IllegalTransitionException(UUID orderId, OrderStatus from, OrderStatus to) {
        super(ProblemCode.INVALID_STATE, "Order " + orderId + " is " + from + " and cannot become " + to);
    }
}
