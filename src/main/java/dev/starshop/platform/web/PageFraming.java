package dev.starshop.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may show a route's HTML page in a frame. Without this annotation a page may not be framed
 * at all ({@link Ancestors#NONE}); {@link SecurityHeadersFilter} turns it into
 * {@code Content-Security-Policy: frame-ancestors …} and, where one origin suffices,
 * {@code X-Frame-Options}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PageFraming {

    Ancestors value();

    enum Ancestors {
        /** Never framed: the console (its refund button must not be clickjacked) and anything unknown. */
        NONE,
        /** Framed by this engine's own pages only: the sandbox host. */
        SAME_ORIGIN,
        /** The Mini App: Telegram Web shows it in a frame, the sandbox host too. */
        TELEGRAM
    }
}
