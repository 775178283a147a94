package dev.starshop.money;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

public final class UnsupportedCurrencyException extends ProblemException {

    UnsupportedCurrencyException(String code) {
        super(ProblemCode.UNSUPPORTED_CURRENCY,
                "Currency '" + code + "' is not one Telegram accepts for payments");
    }
}
