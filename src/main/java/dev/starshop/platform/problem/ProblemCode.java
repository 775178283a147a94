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
    PROMO_UNKNOWN(HttpStatus.UNPROCESSABLE_ENTITY, "There is no such promo code"),
    PROMO_EXPIRED(HttpStatus.UNPROCESSABLE_ENTITY, "The promo code is no longer valid"),
    PROMO_EXHAUSTED(HttpStatus.UNPROCESSABLE_ENTITY, "The promo code has been used as often as it may be"),
    PROMO_MINIMUM_NOT_MET(HttpStatus.UNPROCESSABLE_ENTITY, "The order is below the promo code's minimum"),
    PROMO_NOT_APPLICABLE(HttpStatus.UNPROCESSABLE_ENTITY, "The promo code does not apply to this order"),
    PROMO_OUT_OF_SCOPE(HttpStatus.UNPROCESSABLE_ENTITY, "The promo code applies to none of the products in this order"),
    DUPLICATE_PROMO_CODE(HttpStatus.CONFLICT, "A promo code with this code already exists"),
    DUPLICATE_SKU(HttpStatus.CONFLICT, "A product with this SKU already exists"),
    UNKNOWN_PLACEHOLDER(HttpStatus.UNPROCESSABLE_ENTITY, "The delivery text uses a placeholder that does not exist"),
    DELIVERY_KIND_MISMATCH(HttpStatus.CONFLICT, "The product is not delivered this way"),
    EMPTY_UPLOAD(HttpStatus.UNPROCESSABLE_ENTITY, "The upload holds nothing"),
    TOO_MANY_CODES(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The upload holds more codes than one upload may"),
    CODE_TOO_LONG(HttpStatus.UNPROCESSABLE_ENTITY, "A code is longer than a code may be"),
    FILE_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The file is larger than Telegram lets a bot send"),
    FILE_TYPE_REFUSED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The file's content is not of a type the shop sends"),
    IMAGE_TYPE_REFUSED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The upload is not a PNG, JPEG or WebP picture"),
    IMAGE_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The picture file is larger than the shop accepts"),
    IMAGE_TOO_MANY_PIXELS(HttpStatus.UNPROCESSABLE_ENTITY, "The picture has more pixels than the shop accepts"),
    DUPLICATE_CATEGORY(HttpStatus.CONFLICT, "A category with this slug already exists"),
    UNKNOWN_CATEGORY(HttpStatus.UNPROCESSABLE_ENTITY, "The product names a category that does not exist"),
    INVALID_START_PARAM(HttpStatus.UNPROCESSABLE_ENTITY, "The Mini App's start parameter is malformed"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY,
            "The Idempotency-Key was already used with a different request"),
    INVALID_EVENT_ENDPOINT(HttpStatus.UNPROCESSABLE_ENTITY, "The event endpoint URL is not accepted"),
    RATE_DATE_LOCKED(HttpStatus.CONFLICT,
            "Stars transactions or a revaluation already locked the rate in force for this day"),
    RATE_EXISTS(HttpStatus.CONFLICT, "There is already a rate for this day"),
    INVALID_STATE(HttpStatus.CONFLICT, "The resource is not in a state that allows this"),
    ORDER_NOT_SHIPPABLE(HttpStatus.CONFLICT, "The order is not a paid order with goods to ship"),
    STEP_OUT_OF_ORDER(HttpStatus.CONFLICT, "This shipment step is not the order's next one"),
    NO_FAILED_DELIVERY(HttpStatus.CONFLICT, "The order has no failed delivery to retry"),
    DOWNLOAD_LINK_INVALID(HttpStatus.FORBIDDEN, "The download link is not valid"),
    DOWNLOAD_LINK_EXPIRED(HttpStatus.GONE, "The download link has expired; open My purchases for a new one"),
    DELIVERY_REVOKED(HttpStatus.GONE, "The purchase was refunded; what it delivered is revoked"),
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
