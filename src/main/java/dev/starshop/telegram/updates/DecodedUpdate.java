package dev.starshop.telegram.updates;

import dev.starshop.telegram.botapi.Message;
import dev.starshop.telegram.botapi.PreCheckoutQuery;
import dev.starshop.telegram.botapi.ShippingQuery;
import io.micronaut.core.annotation.Nullable;

/**
 * An update bound once into Telegram's types: only the kinds the engine reads (a message, a
 * pre-checkout query, a shipping query); everything else an update carries stays in the raw body
 * the inbox stores. At most one of the three is set.
 *
 * @param field the update's first field after update_id ("message", "poll", …), its kind on Telegram's side
 */
record DecodedUpdate(long updateId, String field, @Nullable Message message,
                     @Nullable PreCheckoutQuery preCheckoutQuery, @Nullable ShippingQuery shippingQuery) {
}
