package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;

import java.time.Instant;
import java.util.Map;

/** One operator alert waiting for the chat (the operator_alerts row), with its facts decoded. */
record Alert(long id, AlertKind kind, Map<String, Object> facts, Instant createdAt) {

    String fact(String name) {
        Object value = facts.get(name);
        return value == null ? "" : String.valueOf(value);
    }

    /** The first 8 characters of the order id, as the console and receipts show it, or "". */
    String shortOrder() {
        String id = fact("orderId");
        return id.length() >= 8 ? "#" + id.substring(0, 8) : id;
    }
}
