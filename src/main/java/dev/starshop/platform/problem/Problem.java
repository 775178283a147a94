package dev.starshop.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An RFC 9457 problem document. {@code code} is the stable, machine-readable identifier that
 * clients switch on; {@code type} is the same code as a URN. {@code extensions} are written as
 * top-level members beside them ({@code "orderId"}, {@code "sku"}, …) so a client reads a value
 * instead of parsing it out of {@code detail}; each code documents its own (docs/orders.md).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String code, String title, int status, @Nullable String detail,
                      @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The members RFC 9457 and this API define; an extension may not shadow them. */
    private static final Set<String> STANDARD = Set.of("type", "code", "title", "status", "detail", "instance");
    /** RFC 9457 §3.2: extension names start with a letter and use letters, digits and underscores. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,}");

    public Problem {
        extensions = checked(extensions);
    }

    public static Problem of(ProblemCode code, @Nullable String detail) {
        return of(code, detail, Map.of());
    }

    public static Problem of(ProblemCode code, @Nullable String detail, Map<String, ?> extensions) {
        return new Problem("urn:starshop:problem:" + code.slug(), code.slug(), code.title(),
                code.status().getCode(), detail, Map.copyOf(extensions));
    }

    private static Map<String, Object> checked(@Nullable Map<String, Object> extensions) {
        if (extensions == null || extensions.isEmpty()) {
            return Map.of();
        }
        for (String name : extensions.keySet()) {
            if (STANDARD.contains(name) || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a problem extension name: " + name);
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }
}
