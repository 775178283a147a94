package dev.starshop.platform.admin;

import io.micronaut.http.annotation.FilterMatcher;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one route) as admin-only. {@link AdminAuthenticationFilter} is bound to
 * every route that carries it, whatever spelling of the path reached the route; the route
 * inventory test fails the build for an {@code /api/admin} route without it. See docs/security.md.
 */
@FilterMatcher
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
}
