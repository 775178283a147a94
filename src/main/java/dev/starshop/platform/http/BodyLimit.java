package dev.starshop.platform.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets one route take a body larger than {@code starshop.http.max-body-size}: up to the bytes in
 * {@link #property()} (or {@link #defaultBytes()}) plus {@link #framingBytes()} for what wraps the
 * payload (multipart boundaries and part headers). {@link RequestBodyLimit} reads it from the matched
 * route, so every spelling of the path gets the same limit. {@code micronaut.server.max-request-size}
 * must stay at least as large as the largest such limit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** The configuration key holding the largest payload, in bytes. */
    String property();

    long defaultBytes();

    long framingBytes() default 0;
}
