package dev.starshop.telegram.webhook;

import io.micronaut.http.annotation.FilterMatcher;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route only Telegram may call: {@link WebhookAuthenticationFilter} is bound to every
 * route that carries it, whatever spelling of the path reached the route ({@code /telegram/webhook/},
 * {@code //telegram/webhook}, {@code /telegram/webhook?a=1}, …). See docs/security.md.
 */
@FilterMatcher
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TelegramOnly {
}
