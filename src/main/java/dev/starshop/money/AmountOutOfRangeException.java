package dev.starshop.money;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

/** An amount Telegram would refuse for an invoice in this currency. */
public final class AmountOutOfRangeException extends ProblemException {

    AmountOutOfRangeException(Money amount, Money min, Money max) {
        super(ProblemCode.AMOUNT_OUT_OF_RANGE,
                amount.display() + " is outside the range Telegram accepts for "
                        + amount.currency().code() + " (" + min.display() + " to " + max.display() + ")");
    }
}
