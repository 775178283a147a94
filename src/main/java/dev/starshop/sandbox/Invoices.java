package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Invoice links by slug. A link stays payable any number of times, as Telegram's do. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class Invoices {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Invoice> bySlug = new ConcurrentHashMap<>();

    String newSlug() {
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            slug.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return slug.toString();
    }

    void add(Invoice invoice) {
        bySlug.put(invoice.slug(), invoice);
    }

    /** Accepts the slug or the full link {@code https://t.me/$slug}. */
    Optional<Invoice> find(String slugOrLink) {
        String slug = slugOrLink.substring(slugOrLink.lastIndexOf('$') + 1);
        return Optional.ofNullable(bySlug.get(slug));
    }

    void clear() {
        bySlug.clear();
    }
}
