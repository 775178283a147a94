package dev.starshop.fulfilment;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.http.BodyLimit;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A FILE product's document: upload (multipart, part {@code file}), its details, its bytes. The one
 * route with a body limit of a file (50 MiB + framing), not 64 KiB: see {@link BodyLimit}.
 */
@Controller("/api/admin/products/{sku}/file")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductFileController {

    private final FileUploads uploads;
    private final ProductFiles files;

    ProductFileController(FileUploads uploads, ProductFiles files) {
        this.uploads = uploads;
        this.files = files;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(property = "starshop.fulfilment.max-file-size", defaultBytes = 52_428_800, framingBytes = 65_536)
    HttpResponse<ProductFile> upload(String sku, @Part("file") CompletedFileUpload file) {
        try {
            return HttpResponse.created(uploads.store(sku, file.getFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    ProductFile details(String sku) {
        return files.find(sku).orElseThrow(() -> noFile(sku));
    }

    /** The stored bytes, as a download (never rendered: the type is the detected one, nosniff is global). */
    @Get("/content")
    HttpResponse<byte[]> content(String sku) {
        ProductFile file = details(sku);
        byte[] bytes = files.content(sku).orElseThrow(() -> noFile(sku));
        return HttpResponse.ok(bytes).contentType(file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static ProblemException noFile(String sku) {
        return new ProblemException(ProblemCode.NOT_FOUND, "Product '" + sku + "' has no file");
    }
}
