package dev.starshop.buyer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** Who the Mini App is talking as: the verified Telegram user behind {@code Authorization: tma …}. */
@Controller("/api/me")
final class MeController {

    @Get
    Me me(Buyer buyer) {
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
