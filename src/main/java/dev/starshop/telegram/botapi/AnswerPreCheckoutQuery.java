package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Request of {@code answerPreCheckoutQuery}; a refusal needs an error message the buyer will read. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerPreCheckoutQuery(String preCheckoutQueryId, boolean ok, @Nullable String errorMessage) {

    public static AnswerPreCheckoutQuery accept(String queryId) {
        return new AnswerPreCheckoutQuery(queryId, true, null);
    }

    public static AnswerPreCheckoutQuery refuse(String queryId, String errorMessage) {
        return new AnswerPreCheckoutQuery(queryId, false, errorMessage);
    }
}
