package dev.starshop.platform.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of each kind of page. Every page loads only the engine's own
 * scripts, styles and API, plus Telegram's {@code telegram-web-app.js} from where
 * {@code starshop.webapp.telegram-script-url} points; no inline script, no plugins, no
 * {@code <base>}. They differ only in who may frame them.
 */
@Singleton
final class PagePolicies {

    /** Telegram Web (web.telegram.org/k and /a) shows Mini Apps in an iframe. */
    static final String TELEGRAM_WEB = "https://web.telegram.org";

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(?=[/?#]|$)",
            Pattern.CASE_INSENSITIVE);

    /** For SVG files: no script, no external resource, inline styles only, sandboxed, never framed. */
    static final String SVG = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

    /**
     * telegram-web-app.js appends an empty {@code <style>} to every framed page (Telegram Web fills
     * it with set_custom_style); this hash of the empty string lets that element in, and nothing else
     * inline, instead of a CSP violation in the console of every Mini App.
     */
    static final String EMPTY_INLINE_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /** The whole header for each kind of page, built once: it is sent with every response. */
    private final Map<PageFraming.Ancestors, String> policies = new EnumMap<>(PageFraming.Ancestors.class);

    PagePolicies(@Value("${starshop.webapp.telegram-script-url:`https://telegram.org/js/telegram-web-app.js`}")
                 String telegramScriptUrl) {
        String common = "default-src 'self'; script-src 'self'" + scriptOrigin(telegramScriptUrl)
                + "; style-src 'self' " + EMPTY_INLINE_STYLE + "; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; form-action 'self'";
        for (PageFraming.Ancestors ancestors : PageFraming.Ancestors.values()) {
            policies.put(ancestors, common + "; frame-ancestors " + frameAncestors(ancestors));
        }
    }

    String contentSecurityPolicy(PageFraming.Ancestors ancestors) {
        return policies.get(ancestors);
    }

    private static String frameAncestors(PageFraming.Ancestors ancestors) {
        return switch (ancestors) {
            case NONE -> "'none'";
            case SAME_ORIGIN -> "'self'";
            case TELEGRAM -> "'self' " + TELEGRAM_WEB;
        };
    }

    /** The older header for browsers without frame-ancestors; it cannot name a second origin. */
    Optional<String> frameOptions(PageFraming.Ancestors ancestors) {
        return switch (ancestors) {
            case NONE -> Optional.of("DENY");
            case SAME_ORIGIN -> Optional.of("SAMEORIGIN");
            case TELEGRAM -> Optional.empty();
        };
    }

    /**
     * " https://telegram.org" for an absolute http(s) URL; "" for a path on this engine ('self'
     * covers it). Only scheme, host and port reach the header, and only in characters a host may
     * have, so no setting can add a directive.
     */
    static String scriptOrigin(String url) {
        Matcher origin = ORIGIN.matcher(url.strip());
        return origin.lookingAt() ? " " + origin.group().toLowerCase(Locale.ROOT) : "";
    }
}
