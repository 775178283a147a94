package dev.starshop.backoffice.links;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What a Mini App link is made of: {@code https://t.me/<botUsername>/<appShortName>?startapp=…}.
 *
 * @param botUsername  the bot's username without '@'; absent → the console shows no link
 * @param appShortName the Mini App's short name, as registered with @BotFather (/newapp)
 */
@ConfigurationProperties("starshop.links")
record LinkSettings(@Nullable String botUsername, @Bindable(defaultValue = "shop") String appShortName) {
}
