package dev.starshop.catalog;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.http.BodyLimit;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A product's picture: upload (multipart, part {@code image}) and removal (docs/catalog.md). */
@Controller("/api/admin/products/{sku}/image")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductPictureController {

    private final PictureUploads uploads;

    ProductPictureController(PictureUploads uploads) {
        this.uploads = uploads;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(property = "starshop.catalog.max-image-size", defaultBytes = 5_242_880, framingBytes = 65_536)
    HttpResponse<ProductImage> upload(String sku, @Part("image") CompletedFileUpload image) {
        try {
            return HttpResponse.created(uploads.store(sku, image.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Delete
    @Status(HttpStatus.NO_CONTENT)
    void remove(String sku) {
        uploads.remove(sku);
    }
}
