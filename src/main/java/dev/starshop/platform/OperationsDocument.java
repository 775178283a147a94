package dev.starshop.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the OpenAPI document's route: public by default, closed to all but the admin token with
 * {@code starshop.security.openapi-public=false} (see OperationsAccessFilter).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperationsDocument {
}
