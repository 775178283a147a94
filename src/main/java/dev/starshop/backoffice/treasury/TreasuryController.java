package dev.starshop.backoffice.treasury;

import dev.starshop.backoffice.reconciliation.TieOut;
import dev.starshop.backoffice.reconciliation.TieOutChecks;
import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Stars treasury for the operator and the console: days, and tie-outs with Telegram's balance. */
@Controller("/api/admin/treasury")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class TreasuryController {

    private static final int MAX_DAYS = 366;

    private final TreasuryDays days;
    private final TieOutChecks tieOuts;
    private final TreasurySettings settings;
    private final Clock clock;

    TreasuryController(TreasuryDays days, TieOutChecks tieOuts, TreasurySettings settings, Clock clock) {
        this.days = days;
        this.tieOuts = tieOuts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The hold in force and one row per UTC day, {@code from} to {@code to} (default: the last 30 days). */
    @Get("/days")
    Days days(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate first = from == null ? last.minusDays(29) : date("from", from);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "from must not be after to, and at most "
                    + MAX_DAYS + " days before it");
        }
        return new Days(settings.holdDays(), days.between(first, last));
    }

    /** Runs reconciliation now and answers its tie-out. */
    @Post("/tie-outs")
    @Status(HttpStatus.CREATED)
    TieOut tieOutNow() {
        return tieOuts.runNow();
    }

    @Get("/tie-outs")
    List<TieOut> latest(@QueryValue(defaultValue = "20") int limit) {
        return tieOuts.latest(Math.max(1, Math.min(limit, 200)));
    }

    @Get("/tie-outs/{id}")
    TieOut tieOut(long id) {
        return tieOuts.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No tie-out " + id));
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, name + " must be a date like 2026-12-01");
        }
    }

    /** @param holdDays the configured hold ({@code starshop.treasury.hold-days}) */
    @Serdeable
    record Days(int holdDays, List<TreasuryDay> days) {
    }
}
