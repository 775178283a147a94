package dev.starshop.telegram.bot;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Eventually;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop through the emulator over real HTTP: the engine registers its webhook, commands
 * and menu button; a sandbox user writes to the bot; the update arrives at the webhook, the reply
 * goes through the outbox and lands in the user's chat.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class BotConversationTest {

    private static final long ALICE = 100001;
    private static final long LI = 100003;

    @Inject
    SandboxTelegram telegram;

    /** The engine registers its webhook before its menu button: once the button shows, updates flow. */
    @BeforeEach
    void waitForTheBotToBeRegistered() {
        Eventually.value(() -> Optional.of(telegram.botSettings()).filter(s -> s.get("menuButton") != null));
    }

    @Test
    void theBotRegistersItselfWithTelegram() {
        Map<String, Object> settings = telegram.botSettings();
        assertTrue(String.valueOf(settings.get("menuButton")).contains("/app/"), settings.toString());
        assertTrue(String.valueOf(settings.get("commands")).contains("paysupport"), settings.toString());
    }

    @Test
    void startAnswersWithAButtonThatOpensTheMiniApp() {
        telegram.sendAsUser(ALICE, "/start");

        Map<String, Object> reply = nextBotMessage(ALICE, "Welcome");
        String markup = String.valueOf(reply.get("reply_markup"));
        assertTrue(markup.contains("web_app"), markup);
        assertTrue(markup.contains("/app/"), markup);
    }

    @Test
    void ordersAndSupportCommandsAnswer() {
        telegram.sendAsUser(ALICE, "/paysupport");
        assertTrue(String.valueOf(nextBotMessage(ALICE, "order number").get("text")).contains("Questions about a payment"));

        telegram.sendAsUser(ALICE, "/terms");
        nextBotMessage(ALICE, "Subscriptions renew");
    }

    @Test
    void aChineseSpeakingBuyerIsAnsweredInChinese() {
        telegram.sendAsUser(LI, "/help");
        assertTrue(String.valueOf(nextBotMessage(LI, "命令").get("text")).contains("/orders"));
    }

    private Map<String, Object> nextBotMessage(long chatId, String containing) {
        return Eventually.value(() -> botMessages(chatId).stream()
                .filter(m -> String.valueOf(m.get("text")).contains(containing)).findFirst());
    }

    private List<Map<String, Object>> botMessages(long chatId) {
        return telegram.messages(chatId).stream()
                .filter(m -> m.get("from") instanceof Map<?, ?> from && Boolean.TRUE.equals(from.get("is_bot")))
                .toList();
    }
}
