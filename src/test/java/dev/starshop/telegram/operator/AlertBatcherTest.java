package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batching as a pure function: one alert is a full message, a burst collapses into digests. */
class AlertBatcherTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final String CONSOLE = "https://shop.example.com/admin/#/orders";

    @Test
    void oneAlertIsOneFullMessageInEnglishAndChinese() {
        Alert paid = paid(1, "Alice (@alice)");

        String en = AlertBatcher.plan(List.of(paid), 1, OperatorTexts.forLanguage("en"), CONSOLE, NOW).get(0).text();
        String zh = AlertBatcher.plan(List.of(paid), 1, OperatorTexts.forLanguage("zh"), CONSOLE, NOW).get(0).text();

        assertTrue(en.startsWith("💰 New order #"), en);
        assertTrue(en.contains("Buyer: Alice (@alice)") && en.contains("• 2 × Sticker pack")
                && en.contains("Ship to: Alice, 1 Main St, 10115, Berlin, DE"), en);
        assertTrue(zh.startsWith("💰 新订单 #") && zh.contains("买家：Alice (@alice)") && zh.contains("寄送至："), zh);
    }

    @Test
    void twoHundredPaidOrdersCollapseIntoAFewDigestsThatMentionEveryOrder() {
        List<Alert> burst = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            burst.add(paid(i, "Buyer " + i));
        }
        List<AlertBatcher.Planned> messages = new ArrayList<>();
        List<Alert> waiting = burst;
        while (!waiting.isEmpty()) {
            AlertBatcher.Planned next = AlertBatcher.plan(waiting, 1, OperatorTexts.forLanguage("en"), CONSOLE, NOW).get(0);
            messages.add(next);
            Set<Long> carried = new HashSet<>(next.alertIds());
            waiting = waiting.stream().filter(a -> !carried.contains(a.id())).toList();
        }

        assertTrue(messages.size() <= 3, "bounded: " + messages.size() + " messages");
        assertEquals(200, messages.stream().mapToInt(m -> m.alertIds().size()).sum());
        String all = String.join("\n", messages.stream().map(AlertBatcher.Planned::text).toList());
        for (Alert a : burst) {
            assertTrue(all.contains(a.shortOrder()), "mentions " + a.shortOrder());
        }
        assertTrue(messages.get(0).text().matches("(?s)\\d+ new orders in the last minute\n.*"), messages.get(0).text());
        assertTrue(messages.get(0).text().contains("more in the next message"));
        messages.forEach(m -> assertTrue(m.text().length() <= 4096 && m.text().endsWith("Console: " + CONSOLE)));
    }

    @Test
    void aDigestCountsEachKindAndSaysHowLongItCovers() {
        List<Alert> mixed = List.of(paid(1, "A"), paid(2, "B"), alert(3, AlertKind.NEEDS_REVIEW,
                Map.of("orderId", UUID.randomUUID().toString(), "total", "5 ⭐", "why", "paid after expiry"), 150));

        String en = AlertBatcher.plan(mixed, 1, OperatorTexts.forLanguage("en"), CONSOLE, NOW).get(0).text();
        String zh = AlertBatcher.plan(mixed, 1, OperatorTexts.forLanguage("zh"), CONSOLE, NOW).get(0).text();

        assertTrue(en.startsWith("2 new orders, 1 needs review in the last 3 minutes\n"), en);
        assertTrue(zh.startsWith("过去 3 分钟内：2 个新订单，1 个待审核\n"), zh);
        assertTrue(en.contains("needs review") && en.contains("Console: " + CONSOLE), en);
    }

    @Test
    void noBudgetNoMessage() {
        assertEquals(List.of(), AlertBatcher.plan(List.of(paid(1, "A")), 0, OperatorTexts.forLanguage("en"), CONSOLE, NOW));
    }

    private static Alert paid(long id, String buyer) {
        return alert(id, AlertKind.ORDER_PAID, Map.of("orderId", UUID.randomUUID().toString(), "buyer", buyer,
                "total", "240 ⭐", "lines", List.of("2 × Sticker pack"),
                "shippingAddress", "Alice, 1 Main St, 10115, Berlin, DE"), 10);
    }

    private static Alert alert(long id, AlertKind kind, Map<String, Object> facts, long secondsAgo) {
        return new Alert(id, kind, facts, NOW.minusSeconds(secondsAgo));
    }
}
