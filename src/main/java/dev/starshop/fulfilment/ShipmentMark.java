package dev.starshop.fulfilment;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What an operator sets on an order: a step and, for SHIPPED, the carrier, the tracking number and
 * an optional https tracking URL. Built only through {@link #of}, which refuses anything else with
 * 422 {@code invalid-request}, so a mark that exists is valid.
 */
public record ShipmentMark(ShipmentStep step, @Nullable String carrier, @Nullable String trackingNumber,
                           @Nullable String trackingUrl) {

    static final int MAX_CARRIER = 64;
    static final int MAX_TRACKING_NUMBER = 64;
    static final int MAX_TRACKING_URL = 2048;

    static ShipmentMark of(@Nullable String step, @Nullable String carrier, @Nullable String trackingNumber,
                           @Nullable String trackingUrl) {
        ShipmentStep parsed = ShipmentStep.parse(step).orElseThrow(() -> invalid(
                "step must be one of PACKED, SHIPPED, DELIVERED"));
        String cleanCarrier = text("carrier", carrier, MAX_CARRIER);
        String cleanNumber = text("trackingNumber", trackingNumber, MAX_TRACKING_NUMBER);
        String cleanUrl = trackingUrl(text("trackingUrl", trackingUrl, MAX_TRACKING_URL));
        if (parsed.needsTracking() && (cleanCarrier == null || cleanNumber == null)) {
            throw invalid("SHIPPED needs the carrier and the tracking number");
        }
        if (!parsed.needsTracking() && (cleanCarrier != null || cleanNumber != null || cleanUrl != null)) {
            throw invalid("carrier, trackingNumber and trackingUrl belong to SHIPPED only");
        }
        return new ShipmentMark(parsed, cleanCarrier, cleanNumber, cleanUrl);
    }

    /** Trimmed; blank is absent; control characters and overlong values are refused. */
    @Nullable
    private static String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw invalid(field + " is longer than " + max + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field + " contains a control character");
        }
        return trimmed;
    }

    /** Only an absolute https URL with a host: the buyer is sent there from a Telegram message. */
    @Nullable
    private static String trackingUrl(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw invalid("trackingUrl must be an https URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("trackingUrl must be an https URL");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}
