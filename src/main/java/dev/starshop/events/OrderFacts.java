package dev.starshop.events;

import dev.starshop.money.Money;
import dev.starshop.order.Charge;
import dev.starshop.order.Order;
import dev.starshop.order.ReadAheadKeys;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.ReadAhead;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.SharedTable;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.db.WriteBehind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an order event and an operator alert say besides the order itself, read in the move's
 * transaction: the buyer as Telegram named them, what the payment charged, and the shipping address
 * the buyer typed in the invoice sheet. Reads the buyers and payments tables (read-only; the schema
 * contract is EventQueriesContractTest).
 */
@Singleton
class OrderFacts {

    static final String BUYER = """
            SELECT telegram_user_id, first_name, last_name, username, language_code FROM buyers
            WHERE telegram_user_id = :buyerId""";
    static final String BUYERS = """
            SELECT telegram_user_id, first_name, last_name, username, language_code FROM buyers
            WHERE telegram_user_id = ANY(:buyerIds)""";
    static final String LAST_CHARGE = """
            SELECT total_amount, shipping_amount, tip_amount, order_info::text AS order_info FROM payments
            WHERE order_id = :orderId AND kind IN ('PAYMENT', 'RENEWAL') ORDER BY id DESC LIMIT 1""";

    /** The buyer in an event: Telegram's user id and names. */
    @Serdeable
    record BuyerRef(long id, @Nullable String firstName, @Nullable String lastName, @Nullable String username,
                    @Nullable String languageCode) {

        String display() {
            String name = Stream.of(firstName, lastName).filter(Objects::nonNull).collect(Collectors.joining(" "));
            String handle = username == null ? "" : " (@" + username + ")";
            return (name.isBlank() ? "user " + id : name) + handle;
        }
    }

    private record Paid(Charge charge, @Nullable String orderInfo) {
    }

    private final Sql sql;
    private final JsonMapper json;
    private final ReadAhead readAhead;
    private final WriteBehind writeBehind;

    OrderFacts(Sql sql, JsonMapper json, ReadAhead readAhead, WriteBehind writeBehind) {
        this.sql = sql;
        this.json = json;
        this.readAhead = readAhead;
        this.writeBehind = writeBehind;
    }

    /** The buyer's row, or what {@link #buyersAhead} read of it earlier in this transaction. */
    BuyerRef buyer(long buyerId) {
        Optional<BuyerRef> ahead = readAhead.peek(ReadAheadKeys.buyer(buyerId));
        return ahead.orElseGet(() -> sql.one(BUYER, Params.of("buyerId", buyerId), OrderFacts::readBuyer)
                .orElse(unnamed(buyerId)));
    }

    /**
     * Reads these buyers in one statement and keeps them for {@link #buyer} in this transaction; an
     * entry holds until the transaction writes that buyer's row (order placement forgets it then).
     */
    void buyersAhead(Collection<Long> buyerIds) {
        Map<Long, BuyerRef> found = new HashMap<>();
        sql.list(BUYERS, Params.of("buyerIds", buyerIds.toArray(Long[]::new)), OrderFacts::readBuyer)
                .forEach(buyer -> found.put(buyer.id(), buyer));
        buyerIds.forEach(id -> readAhead.put(ReadAheadKeys.buyer(id), found.getOrDefault(id, unnamed(id))));
    }

    private static BuyerRef readBuyer(Row row) throws SQLException {
        return new BuyerRef(row.getLong("telegram_user_id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("username"), row.getString("language_code"));
    }

    private static BuyerRef unnamed(long buyerId) {
        return new BuyerRef(buyerId, null, null, null, null);
    }

    /**
     * The order with what its payment charged: a move to PAID runs before the charge is stored on the
     * order, and the public view shows it, so the event does too.
     */
    Order withCharge(Order order) {
        if (order.charge() != null) {
            return order;
        }
        return paid(order).map(p -> new Order(order.id(), order.buyerId(), order.status(), order.total(),
                order.invoiceLink(), order.createdAt(), order.expiresAt(), order.lines(), p.charge())).orElse(order);
    }

    /** "Street 1, Street 2, 10115 Berlin, DE" for a card payment that asked for an address, else empty. */
    Optional<String> shippingAddress(Order order) {
        return paid(order).map(Paid::orderInfo).flatMap(this::address);
    }

    private Optional<Paid> paid(Order order) {
        writeBehind.beforeReading(SharedTable.PAYMENTS); // a payment row waiting for a shared commit's end is written first
        return sql.one(LAST_CHARGE, Params.of("orderId", order.id()), row -> {
            var currency = order.total().currency();
            Charge charge = new Charge(new Money(row.getLong("total_amount"), currency),
                    new Money(row.getLong("shipping_amount"), currency), new Money(row.getLong("tip_amount"), currency));
            return new Paid(charge, row.getString("order_info"));
        });
    }

    @SuppressWarnings("unchecked")
    private Optional<String> address(@Nullable String orderInfo) {
        if (orderInfo == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> info = json.readValue(orderInfo, Map.class);
            Object a = info.get("shipping_address");
            if (!(a instanceof Map<?, ?> address)) {
                return Optional.empty();
            }
            String name = info.get("name") instanceof String n ? n + ", " : "";
            String line = Stream.of("street_line1", "street_line2", "post_code", "city", "state", "country_code")
                    .map(address::get).filter(v -> v instanceof String s && !s.isBlank()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return Optional.of(name + line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static List<String> lines(Order order) {
        return order.lines().stream().map(l -> l.quantity() + " × " + l.title()).toList();
    }
}
