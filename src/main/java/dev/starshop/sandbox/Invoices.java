package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unpaid invoice links by slug. A link is forgotten once paid, once older than
 * {@code invoice-max-age}, or when more than {@code max-invoices} are waiting (oldest first), so
 * the store stays bounded however many orders a long run creates. A forgotten link pays as an
 * unknown one: "invoice not found".
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class Invoices {

    private record Entry(Invoice invoice, Instant createdAt) {
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final int SLUG_LENGTH = 22;
    private final SecureRandom random = new SecureRandom();
    /** Insertion order is creation order, so the oldest are first. */
    private final LinkedHashMap<String, Entry> bySlug = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration maxAge;
    private final int maxCount;

    Invoices(SandboxSettings settings, Clock clock) {
        this.clock = clock;
        this.maxAge = settings.invoiceMaxAge();
        this.maxCount = settings.maxInvoices();
    }

    /** 22 characters of the 64-letter alphabet, each from 6 random bits: one draw of random bytes per slug. */
    String newSlug() {
        byte[] bits = new byte[SLUG_LENGTH];
        random.nextBytes(bits);
        char[] slug = new char[SLUG_LENGTH];
        for (int i = 0; i < SLUG_LENGTH; i++) {
            slug[i] = ALPHABET.charAt(bits[i] & 63);
        }
        return new String(slug);
    }

    synchronized void add(Invoice invoice) {
        Instant now = clock.instant();
        dropOlderThan(now.minus(maxAge));
        bySlug.put(invoice.slug(), new Entry(invoice, now));
        Iterator<String> oldest = bySlug.keySet().iterator();
        while (bySlug.size() > maxCount) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Accepts the slug or the full link {@code https://t.me/$slug}; empty when unknown, paid or expired. */
    synchronized Optional<Invoice> find(String slugOrLink) {
        String slug = slugOrLink.substring(slugOrLink.lastIndexOf('$') + 1);
        Entry entry = bySlug.get(slug);
        if (entry != null && expired(entry, clock.instant().minus(maxAge))) {
            bySlug.remove(slug);
            return Optional.empty();
        }
        return Optional.ofNullable(entry).map(Entry::invoice);
    }

    /** The link was paid: Telegram has nothing left to show for it here. */
    synchronized void paid(Invoice invoice) {
        bySlug.remove(invoice.slug());
    }

    synchronized int size() {
        return bySlug.size();
    }

    synchronized void clear() {
        bySlug.clear();
    }

    private void dropOlderThan(Instant cutoff) {
        Iterator<Map.Entry<String, Entry>> it = bySlug.entrySet().iterator();
        while (it.hasNext() && expired(it.next().getValue(), cutoff)) {
            it.remove();
        }
    }

    private static boolean expired(Entry entry, Instant cutoff) {
        return entry.createdAt().isBefore(cutoff);
    }
}
