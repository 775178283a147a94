package dev.starshop.platform.admin;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.security.Principal;
import java.util.Optional;

/**
 * Binds a {@link Principal} argument: the admin when the request carries the admin token, absent
 * otherwise. Micronaut's health endpoint takes one; with {@code details-visible: AUTHENTICATED} it
 * shows the details (database URL and port, disk) to the admin token only. The engine has no
 * other principals.
 */
@Singleton
final class AdminPrincipalBinder implements TypedRequestArgumentBinder<Principal> {

    private static final Principal ADMIN = () -> "admin";

    private final AdminToken adminToken;

    AdminPrincipalBinder(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        if (AdminAuthenticationFilter.presentsAdminToken(source, adminToken)) {
            return () -> Optional.of(ADMIN);
        }
        return BindingResult.unsatisfied();
    }
}
