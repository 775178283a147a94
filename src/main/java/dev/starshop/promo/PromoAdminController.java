package dev.starshop.promo;

import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.util.List;

/** Promo code administration: create, list (with uses), get, deactivate. Codes are never deleted. */
@Controller("/api/admin/promo-codes")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class PromoAdminController {

    private final PromoCodes codes;

    PromoAdminController(PromoCodes codes) {
        this.codes = codes;
    }

    @Get
    List<PromoCodeView> list() {
        return codes.list();
    }

    @Get("/{id}")
    PromoCodeView get(long id) {
        return codes.view(id);
    }

    @Post
    HttpResponse<PromoCodeView> create(@Valid @Body PromoCodeInput input) {
        return HttpResponse.created(codes.create(input));
    }

    /** New orders can no longer use it; unpaid orders holding it are refused at payment. */
    @Post("/{id}/deactivate")
    PromoCodeView deactivate(long id) {
        return codes.deactivate(id);
    }
}
