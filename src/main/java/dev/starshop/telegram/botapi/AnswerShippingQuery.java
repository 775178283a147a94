package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Request of {@code answerShippingQuery}: options when ok, an error message when not. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerShippingQuery(
        String shippingQueryId,
        boolean ok,
        @Nullable List<ShippingOption> shippingOptions,
        @Nullable String errorMessage) {

    public static AnswerShippingQuery accept(String queryId, List<ShippingOption> options) {
        return new AnswerShippingQuery(queryId, true, options, null);
    }

    public static AnswerShippingQuery refuse(String queryId, String errorMessage) {
        return new AnswerShippingQuery(queryId, false, null, errorMessage);
    }
}
