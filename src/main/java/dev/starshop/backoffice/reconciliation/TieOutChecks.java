package dev.starshop.backoffice.reconciliation;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The tie-out as the treasury asks for it: on demand it is a whole reconciliation run (so what can
 * be booked is booked first and the rest explains the difference), ending with the comparison.
 */
@Singleton
public class TieOutChecks {

    private final ReconciliationService service;
    private final TieOuts tieOuts;

    TieOutChecks(ReconciliationService service, TieOuts tieOuts) {
        this.service = service;
        this.tieOuts = tieOuts;
    }

    /**
     * @throws ProblemException 409 when a run is already in progress; 502 when the run could not
     *                          read Telegram's history or balance (the run is kept with its failure)
     */
    public TieOut runNow() {
        ReconciliationRun run = service.run("ON_DEMAND").orElseThrow(() -> new ProblemException(
                ProblemCode.INVALID_STATE, "A reconciliation run is already in progress; try again when it has finished"));
        return tieOuts.latest(1).stream().filter(t -> t.runId() == run.id()).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemCode.BOT_API_UNAVAILABLE, "Reconciliation run "
                        + run.id() + " failed before the tie-out: " + run.failure()));
    }

    public List<TieOut> latest(int limit) {
        return tieOuts.latest(limit);
    }

    public Optional<TieOut> find(long id) {
        return tieOuts.find(id);
    }
}
