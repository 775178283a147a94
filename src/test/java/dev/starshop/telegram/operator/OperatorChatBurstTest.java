package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;
import dev.starshop.events.OperatorAlerts;
import dev.starshop.events.OperatorSettings;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Eventually;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flash sale of 200 paid orders reaches the operator chat (the emulator's operator group) as a few
 * Chinese digests that together mention every order, within Telegram's limits.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.operator.muted", value = "")
@Property(name = "starshop.operator.language", value = "zh")
@Property(name = "starshop.operator.interval", value = "200ms")
class OperatorChatBurstTest {

    @Inject
    OperatorAlerts alerts;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    SandboxTelegram telegram;

    @Test
    void twoHundredPaidOrdersArriveAsAFewDigestsMentioningEveryOrder() {
        List<String> shortIds = new ArrayList<>();
        transactions.executeWrite(status -> {
            for (int i = 0; i < 200; i++) {
                String orderId = UUID.randomUUID().toString();
                shortIds.add("#" + orderId.substring(0, 8));
                alerts.raise(AlertKind.ORDER_PAID, null, Map.of("orderId", orderId, "buyer", "买家 " + i,
                        "total", "40 ⭐", "lines", List.of("1 × 贴纸")));
            }
            return null;
        });

        String all = Eventually.value(() -> {
            String texts = String.join("\n", telegram.messages(OperatorSettings.SANDBOX_CHAT_ID).stream()
                    .map(m -> String.valueOf(m.get("text"))).toList());
            return shortIds.stream().allMatch(texts::contains) ? java.util.Optional.of(texts) : java.util.Optional.empty();
        });

        List<Map<String, Object>> messages = telegram.messages(OperatorSettings.SANDBOX_CHAT_ID);
        assertTrue(messages.size() <= 4, messages.size() + " messages for 200 orders");
        assertTrue(all.contains("过去 1 分钟内：") && all.contains("个新订单") && all.contains("控制台："), all);
    }
}
