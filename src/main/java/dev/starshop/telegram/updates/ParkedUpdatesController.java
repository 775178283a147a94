package dev.starshop.telegram.updates;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.sql.Connection;
import java.util.List;

/**
 * {@code GET /api/admin/updates/parked}: the updates set aside after failing every attempt, for an
 * operator to read, fix the cause of, and act on (docs/telegram.md, "Poison updates"). Admin
 * authentication comes from the /api/admin filter.
 */
@Controller("/api/admin/updates")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ParkedUpdatesController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ParkedUpdates parked;
    private final TransactionOperations<Connection> transactions;

    ParkedUpdatesController(ParkedUpdates parked, TransactionOperations<Connection> transactions) {
        this.parked = parked;
        this.transactions = transactions;
    }

    @Get("/parked")
    @Operation(operationId = "listParkedUpdates",
            summary = "Telegram updates parked after failing every attempt, newest first",
            security = @SecurityRequirement(name = "admin"))
    ParkedList list(@Parameter(description = "rows, 1-1000, default 100") @Nullable @QueryValue String limit) {
        int rows = limit(limit);
        return new ParkedList(transactions.executeRead(status -> parked.newest(rows)));
    }

    private static int limit(@Nullable String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int rows = Integer.parseInt(limit);
            if (rows >= 1 && rows <= MAX_LIMIT) {
                return rows;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ProblemException(ProblemCode.INVALID_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    @Serdeable
    record ParkedList(List<ParkedUpdates.ParkedUpdate.View> parked) {
    }
}
