package dev.starshop.platform.problem;

import io.micronaut.http.HttpStatus;

/** The error vocabulary of the public API: one stable code per kind of failure. */
public enum ProblemCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request could not be read"),
    INVALID_REQUEST(HttpStatus.UNPROCESSABLE_ENTITY, "The request is not valid"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication is required"),
    INVALID_INIT_DATA(HttpStatus.UNAUTHORIZED, "Telegram initData is missing, invalid or expired"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is too large"),
    LENGTH_REQUIRED(HttpStatus.LENGTH_REQUIRED, "The request body must declare its length"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    UNKNOWN_SKU(HttpStatus.UNPROCESSABLE_ENTITY, "A product in the request does not exist or is not for sale"),
    UNSUPPORTED_CURRENCY(HttpStatus.UNPROCESSABLE_ENTITY, "The currency is not supported"),
    AMOUNT_OUT_OF_RANGE(HttpStatus.UNPROCESSABLE_ENTITY, "The amount is outside the currency's limits"),
    INVALID_QUANTITY(HttpStatus.UNPROCESSABLE_ENTITY, "A quantity is out of range"),
    OUT_OF_STOCK(HttpStatus.CONFLICT, "Not enough stock"),
    DUPLICATE_SKU(HttpStatus.CONFLICT, "A product with this SKU already exists"),
    UNKNOWN_PLACEHOLDER(HttpStatus.UNPROCESSABLE_ENTITY, "The delivery text uses a placeholder that does not exist"),
    DELIVERY_KIND_MISMATCH(HttpStatus.CONFLICT, "The product is not delivered this way"),
    EMPTY_UPLOAD(HttpStatus.UNPROCESSABLE_ENTITY, "The upload holds nothing"),
    TOO_MANY_CODES(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The upload holds more codes than one upload may"),
    CODE_TOO_LONG(HttpStatus.UNPROCESSABLE_ENTITY, "A code is longer than a code may be"),
    FILE_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The file is larger than Telegram lets a bot send"),
    FILE_TYPE_REFUSED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The file's content is not of a type the shop sends"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY,
            "The Idempotency-Key was already used with a different request"),
    INVALID_EVENT_ENDPOINT(HttpStatus.UNPROCESSABLE_ENTITY, "The event endpoint URL is not accepted"),
    INVALID_STATE(HttpStatus.CONFLICT, "The resource is not in a state that allows this"),
    TOO_MANY_UNPAID_ORDERS(HttpStatus.TOO_MANY_REQUESTS,
            "Too many unpaid orders; pay or cancel one before placing another"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this buyer; try again later"),
    BOT_API_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "Telegram's Bot API did not answer; try again"),
    BOT_API_ERROR(HttpStatus.BAD_GATEWAY, "Telegram's Bot API refused the request"),
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; try again"),
    SANDBOX_LIMIT(HttpStatus.BAD_REQUEST, "A value is outside what the sandbox emulates"),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE, "Too many requests are being worked on; try again"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

    private final HttpStatus status;
    private final String title;

    ProblemCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The code as it appears on the wire: {@code UNKNOWN_SKU} → {@code unknown-sku}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
