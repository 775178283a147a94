package dev.starshop.miniapp;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Mini App's index.html with the configured Telegram script URL filled in. Rendered once:
 * the page is static apart from that one setting.
 */
@Singleton
final class MiniAppPage {

    static final String TEMPLATE = "classpath:webapp/app/index.html";
    static final String SCRIPT_URL_PLACEHOLDER = "{{telegramScriptUrl}}";

    private final String html;

    MiniAppPage(ResourceResolver resources, MiniAppSettings settings) {
        String template = read(resources);
        if (!template.contains(SCRIPT_URL_PLACEHOLDER)) {
            throw new IllegalStateException(TEMPLATE + " lost its " + SCRIPT_URL_PLACEHOLDER + " placeholder");
        }
        this.html = template.replace(SCRIPT_URL_PLACEHOLDER, escapeAttribute(settings.telegramScriptUrl()));
    }

    String html() {
        return html;
    }

    private static String read(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(TEMPLATE)
                .orElseThrow(() -> new IllegalStateException(TEMPLATE + " is missing from the classpath"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL is operator configuration, but a stray quote must still not break out of the attribute. */
    static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
