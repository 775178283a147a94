package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Rows of inline buttons attached to a message. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InlineKeyboardMarkup(List<List<InlineKeyboardButton>> inlineKeyboard) {

    public static InlineKeyboardMarkup single(InlineKeyboardButton button) {
        return new InlineKeyboardMarkup(List.of(List.of(button)));
    }
}
