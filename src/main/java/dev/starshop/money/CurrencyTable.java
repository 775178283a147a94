package dev.starshop.money;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every currency Telegram accepts: the bundled snapshot of Telegram's {@code currencies.json}
 * plus Telegram Stars, which that table predates.
 */
@Singleton
public final class CurrencyTable {

    static final String RESOURCE = "/telegram/currencies.json";
    /** Stars have no minor unit. Telegram's limit for one Stars invoice is 1 to 10,000 Stars. */
    public static final Currency STARS = new Currency(Currency.STARS_CODE, 0, 1, 10_000);

    private final Map<String, Currency> byCode;

    public CurrencyTable(JsonMapper json) {
        Map<String, Currency> table = new TreeMap<>();
        readSnapshot(json).forEach((code, entry) -> table.put(code, entry.toCurrency()));
        table.put(STARS.code(), STARS);
        this.byCode = Collections.unmodifiableMap(table);
    }

    /** The currency with this code, or an error the API shows as 422 unsupported-currency. */
    public Currency require(String code) {
        return find(code).orElseThrow(() -> new UnsupportedCurrencyException(code));
    }

    public Optional<Currency> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Money money(long amount, String code) {
        return new Money(amount, require(code));
    }

    public Collection<Currency> all() {
        return byCode.values();
    }

    private static Map<String, SnapshotEntry> readSnapshot(JsonMapper json) {
        try (InputStream in = CurrencyTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return json.readValue(in, Argument.mapOf(String.class, SnapshotEntry.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** One row of Telegram's table; min and max come as strings (USD's max as a number). */
    @Serdeable
    record SnapshotEntry(String code, int exp, String min_amount, String max_amount) {
        Currency toCurrency() {
            return new Currency(code, exp, Long.parseLong(min_amount), Long.parseLong(max_amount));
        }
    }
}
