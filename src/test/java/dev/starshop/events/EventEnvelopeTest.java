package dev.starshop.events;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An event's body is written in one serialization of its envelope; it must read exactly as the
 * envelope assembled around two separate ones did (the id, type, createdAt and data, in that order,
 * nulls kept as the application's serde settings say), with and without milliseconds.
 */
class EventEnvelopeTest {

    private static final ObjectMapper.CloseableObjectMapper JSON = ObjectMapper.create(
            Map.of("micronaut.serde.serialization.inclusion", "ALWAYS"), "io.micronaut.serde");

    @AfterAll
    static void close() throws IOException {
        JSON.close();
    }

    @Test
    void oneSerializationWritesWhatTheEnvelopeAroundTwoDid() throws IOException {
        UUID id = UUID.fromString("0b8e1c3a-4a63-4cf1-8b2f-5d1d1f0e9a11");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buyer", new OrderFacts.BuyerRef(42L, "Ada", null, null, "en"));
        data.put("reason", "paid 100 ⭐ (charge \"x\")");
        data.put("lines", List.of(Map.of("sku", "a"), Map.of("sku", "b")));
        data.put("promoCode", null);
        for (Instant at : List.of(Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-05T10:00:00.120Z"))) {
            assertEquals(twoSerializations(id, EventType.ORDER_PAID, at, data),
                    ShopEvents.body(JSON, id, EventType.ORDER_PAID, at, data));
        }
        Map<String, Object> onlyNull = new LinkedHashMap<>();
        onlyNull.put("promoCode", null);
        assertEquals("{\"id\":\"" + id + "\",\"type\":\"event.test\",\"createdAt\":\"2026-12-05T10:00:00.120Z\","
                        + "\"data\":{\"promoCode\":null}}",
                ShopEvents.body(JSON, id, EventType.TEST, Instant.parse("2026-12-05T10:00:00.120Z"), onlyNull));
    }

    private static String twoSerializations(UUID id, EventType type, Instant createdAt, Object data) throws IOException {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type.wireName() + "\",\"createdAt\":" + write(createdAt)
                + ",\"data\":" + write(data) + "}";
    }

    private static String write(Object value) throws IOException {
        return new String(JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }
}
