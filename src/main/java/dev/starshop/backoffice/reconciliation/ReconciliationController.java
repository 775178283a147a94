package dev.starshop.backoffice.reconciliation;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/** Reconciliation runs on demand and their history; admin authentication comes from the /api/admin filter. */
@Controller("/api/admin/reconciliation/runs")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ReconciliationController {

    private final ReconciliationService service;
    private final ReconciliationRepository runs;

    ReconciliationController(ReconciliationService service, ReconciliationRepository runs) {
        this.service = service;
        this.runs = runs;
    }

    /** Runs now and answers with the finished run and its findings. */
    @Post
    @Status(HttpStatus.CREATED)
    ReconciliationRun run() {
        return service.run("ON_DEMAND").orElseThrow(() -> new ProblemException(ProblemCode.INVALID_STATE,
                "A reconciliation run is already in progress; try again when it has finished"));
    }

    /** The latest runs, newest first, without their findings. */
    @Get
    List<ReconciliationRun> list(@QueryValue(defaultValue = "50") int limit) {
        return runs.latest(Math.max(1, Math.min(limit, 500)));
    }

    @Get("/{id}")
    ReconciliationRun get(long id) {
        return runs.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND,
                "No reconciliation run " + id));
    }
}
