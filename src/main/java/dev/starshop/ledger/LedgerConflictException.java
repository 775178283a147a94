package dev.starshop.ledger;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

/**
 * The ledger already holds something that contradicts this posting: the same external key with
 * different content, or a second refund (or chargeback) of the same transaction. Never replayed
 * silently: a caller that sees this has a bug or a real dispute to look at.
 */
public final class LedgerConflictException extends ProblemException {

    LedgerConflictException(String detail) {
        super(ProblemCode.INVALID_STATE, detail);
    }
}
