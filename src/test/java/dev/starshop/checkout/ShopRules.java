package dev.starshop.checkout;

import dev.starshop.catalog.ProductKind;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.order.Order;
import dev.starshop.order.OrderLine;
import dev.starshop.order.OrderStatus;
import dev.starshop.telegram.botapi.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Real collaborators for the checkout decision tables, built without an application context: the
 * bundled currency table and the shop's checkout settings exactly as application.yml sets them.
 */
final class ShopRules {

    static final JsonMapper JSON = JsonMapper.createDefault();
    static final CurrencyTable CURRENCIES = new CurrencyTable(JSON);

    /** application.yml's tips and shipping rates (USD only; express to six countries). */
    static final CheckoutSettings SHOP = settings(
            "{\"USD\": {\"maxAmount\": 1000, \"suggested\": [100, 200, 500]}}",
            "[{\"id\": \"standard\", \"title\": \"Standard post\", \"countries\": [\"*\"], \"prices\": {\"USD\": 500}},"
                    + " {\"id\": \"express\", \"title\": \"Express courier\","
                    + " \"countries\": [\"US\", \"GB\", \"DE\", \"FR\", \"CN\", \"JP\"], \"prices\": {\"USD\": 1500}}]");

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Instant EXPIRES = NOW.plusSeconds(30 * 60);

    private ShopRules() {
    }

    static CheckoutSettings settings(String tips, String shipping) {
        return new CheckoutSettings(JSON, false, false, false, tips, shipping);
    }

    /** An order of one line whose total is {@code amount} minor units, payable until {@link #EXPIRES}. */
    static Order order(OrderStatus status, String currency, long amount) {
        Money total = CURRENCIES.money(amount, currency);
        OrderLine line = new OrderLine(1, 7, "mug-star", "Star mug", ProductKind.PHYSICAL, 1, total);
        return new Order(UUID.fromString("00000000-0000-0000-0000-000000000042"), 100001, status, total, null,
                NOW.minusSeconds(60), EXPIRES, List.of(line));
    }

    static User buyer(@Nullable String languageCode) {
        return new User(100001, false, "Alice", null, "alice", languageCode, null);
    }
}
