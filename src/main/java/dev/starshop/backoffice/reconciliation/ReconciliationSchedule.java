package dev.starshop.backoffice.reconciliation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily run; with several engines the run lock lets exactly one of them do it. */
@Singleton
@Requires(property = "starshop.reconciliation.enabled", value = "true", defaultValue = "true")
class ReconciliationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final ReconciliationService service;

    ReconciliationSchedule(ReconciliationService service) {
        this.service = service;
    }

    @Scheduled(cron = "${starshop.reconciliation.cron:0 30 3 * * *}")
    void daily() {
        service.run("SCHEDULE").ifPresentOrElse(
                run -> LOG.info("Reconciliation run {} {}: {} transactions, {} recorded, {} flagged", run.id(),
                        run.status(), run.transactionsSeen(), run.recorded(), run.flagged()),
                () -> LOG.info("Reconciliation skipped: another engine is running it"));
    }
}
