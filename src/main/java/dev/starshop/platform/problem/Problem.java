package dev.starshop.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document. {@code code} is the stable, machine-readable identifier that
 * clients switch on; {@code type} is the same code as a URN.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String code, String title, int status, @Nullable String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemCode code, @Nullable String detail) {
        return new Problem("urn:starshop:problem:" + code.slug(), code.slug(), code.title(),
                code.status().getCode(), detail);
    }
}
