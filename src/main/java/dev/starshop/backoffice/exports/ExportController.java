package dev.starshop.backoffice.exports;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.money.CurrencyTable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.util.concurrent.ExecutorService;

/**
 * Accountant exports: {@code GET /api/admin/exports/{ledger|orders|order-lines|summary}.{csv|xlsx}}. Parameters
 * are checked before the first byte is sent (422 on any mistake); the file is then streamed.
 * The admin filter guards everything under /api/admin. See docs/accounting.md.
 *
 * <p>The file is written on the {@code io} pool's platform threads on every JDK, not on
 * {@link TaskExecutors#BLOCKING} (virtual threads on Java 21+): an export reads the database's socket
 * for seconds on end, and a virtual thread parks and is woken by the JDK's poller at each read
 * (docs/performance.md, section 3).
 */
@Controller("/api/admin/exports")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ExportController {

    static final MediaType XLSX = MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final ExportWriter writer;
    private final CurrencyTable currencies;
    private final ExecutorService executor;

    ExportController(ExportWriter writer, CurrencyTable currencies,
                     @Named(TaskExecutors.IO) ExecutorService executor) {
        this.writer = writer;
        this.currencies = currencies;
        this.executor = executor;
    }

    @Get("/{file}")
    StreamedFile export(@PathVariable String file, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                        @Nullable @QueryValue String tz, @Nullable @QueryValue String currency,
                        @Nullable @QueryValue String status, @Nullable @QueryValue String profile,
                        @Nullable @QueryValue Boolean bom) {
        ExportRequest request = ExportRequest.parse(file, from, to, tz, currency, status, profile, bom, currencies);
        MediaType type = request.format() == ExportRequest.Format.CSV ? CSV : XLSX;
        return new StreamedFile(ExportPipe.start(executor, out -> writer.write(request, out)), type)
                .attach(request.fileName());
    }
}
