package dev.starshop.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a route open to anyone: the catalog, the Mini App and console pages (which
 * authenticate their own API calls), the OpenAPI document. It guards nothing; it states the
 * intent so that the route inventory test can tell a deliberately public route from a forgotten
 * guard. See docs/security.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicRoute {
}
