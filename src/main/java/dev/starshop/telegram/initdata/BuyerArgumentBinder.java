package dev.starshop.telegram.initdata;

import dev.starshop.buyer.Buyer;
import dev.starshop.telegram.initdata.InvalidInitDataException.Reason;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a controller declare {@code Buyer buyer}: the buyer comes only from {@code Authorization:
 * tma <initData>} verified by {@link InitDataAuthenticator}. Anything else fails the request
 * with 401 {@code invalid-init-data}. The binder reads one header and has no side effects; a
 * typed binder like this one is bound before the route's body, so a refused request never reaches
 * the body or the controller.
 */
@Singleton
final class BuyerArgumentBinder implements TypedRequestArgumentBinder<Buyer> {

    private static final String SCHEME = "tma";
    private static final Argument<Buyer> TYPE = Argument.of(Buyer.class);
    private static final String ATTRIBUTE = BuyerArgumentBinder.class.getName();

    private final InitDataAuthenticator authenticator;

    BuyerArgumentBinder(InitDataAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Argument<Buyer> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Buyer> bind(ArgumentConversionContext<Buyer> context, HttpRequest<?> request) {
        // Cached on the request so a second Buyer parameter (or a retry of binding) verifies once.
        Buyer buyer = request.getAttribute(ATTRIBUTE, Buyer.class).orElseGet(() -> authenticate(request));
        request.setAttribute(ATTRIBUTE, buyer);
        return () -> Optional.of(buyer);
    }

    private Buyer authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new InvalidInitDataException(Reason.MISSING,
                    "Authorization header is missing; send 'Authorization: tma <initData>'");
        }
        String[] schemeAndData = header.trim().split("\\s+", 2);
        if (!schemeAndData[0].equalsIgnoreCase(SCHEME)) {
            throw new InvalidInitDataException(Reason.MALFORMED,
                    "Authorization must use the tma scheme: 'Authorization: tma <initData>'");
        }
        return toBuyer(authenticator.authenticate(schemeAndData.length < 2 ? "" : schemeAndData[1]));
    }

    private static Buyer toBuyer(InitData initData) {
        TelegramUser user = initData.user();
        if (user == null) {
            throw new InvalidInitDataException(Reason.MALFORMED, "initData has no user: open the shop from a chat");
        }
        return new Buyer(user.id(), user.firstName(), user.lastName(), user.username(), user.languageCode(),
                user.premium(), initData.startParam());
    }
}
