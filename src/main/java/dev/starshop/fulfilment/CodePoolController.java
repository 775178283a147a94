package dev.starshop.fulfilment;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.http.BodyLimit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** A CODES product's pool: upload codes, see the counts. The codes themselves are never shown here. */
@Controller("/api/admin/products/{sku}/codes")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class CodePoolController {

    static final String TEXT_CSV = "text/csv";

    private final CodeUploads uploads;

    CodePoolController(CodeUploads uploads) {
        this.uploads = uploads;
    }

    /** {@code text/plain}, one code per line, or {@code text/csv} with a {@code code} column. */
    @Post(consumes = {MediaType.TEXT_PLAIN, TEXT_CSV})
    @BodyLimit(property = "starshop.fulfilment.max-codes-upload-size", defaultBytes = 1_048_576)
    CodeUploadResult upload(String sku, HttpRequest<?> request, @Body @Nullable byte[] body) {
        boolean csv = request.getContentType().map(type -> type.matches(MediaType.of(TEXT_CSV))).orElse(false);
        return uploads.upload(sku, body == null ? new byte[0] : body, csv);
    }

    @Get("/summary")
    CodePoolSummary summary(String sku) {
        return uploads.summary(sku);
    }
}
