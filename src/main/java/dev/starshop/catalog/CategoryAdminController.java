package dev.starshop.catalog;

import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.util.List;

/** Category administration (docs/catalog.md). */
@Controller("/api/admin/categories")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class CategoryAdminController {

    private final Categories categories;

    CategoryAdminController(Categories categories) {
        this.categories = categories;
    }

    @Get
    List<Category> list() {
        return categories.all();
    }

    @Post
    HttpResponse<Category> create(@Valid @Body CategoryInput input) {
        return HttpResponse.created(categories.create(input));
    }

    @Put("/{slug}")
    Category update(String slug, @Valid @Body CategoryInput input) {
        return categories.update(slug, input);
    }

    /** Deletes the category; its products stay for sale, without a category. */
    @Delete("/{slug}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(String slug) {
        categories.delete(slug);
    }
}
