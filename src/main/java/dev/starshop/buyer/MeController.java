package dev.starshop.buyer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;

/** Who the Mini App is talking as: the verified Telegram user behind {@code Authorization: tma …}. */
@Controller("/api/me")
final class MeController {

    /** The verified Telegram user; requires an Authorization header with the tma scheme and the Mini App initData. */
    @Get
    // hidden: the buyer comes from the Authorization header, not a query parameter as OpenAPI would guess.
    Me me(@Parameter(hidden = true) Buyer buyer) {
        return Me.of(buyer);
    }

    @Serdeable
    record Me(long id, String firstName, @Nullable String lastName, @Nullable String username,
              @Nullable String languageCode, boolean premium) {

        static Me of(Buyer buyer) {
            return new Me(buyer.telegramUserId(), buyer.firstName(), buyer.lastName(), buyer.username(),
                    buyer.languageCode(), buyer.premium());
        }
    }
}
