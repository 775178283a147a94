package dev.starshop.sandbox;

import dev.starshop.events.OperatorSettings;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** sendMessage, setChatMenuButton, setMyCommands: enough of chats for a shop bot. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class ChatMethods implements BotMethods {

    private final SandboxUsers users;
    private final Chats chats;
    private final Clock clock;
    private final Map<String, Object> botUser;
    private final AtomicReference<Object> menuButton = new AtomicReference<>();
    private final AtomicReference<List<Object>> commands = new AtomicReference<>(List.of());

    ChatMethods(SandboxUsers users, Chats chats, Clock clock, BotCredentials credentials) {
        this.users = users;
        this.chats = chats;
        this.clock = clock;
        this.botUser = Json.obj("id", credentials.botId(), "is_bot", true, "first_name", "Starshop Sandbox",
                "username", "starshop_sandbox_bot");
    }

    @Override
    public void register(Map<String, BotMethod> registry) {
        registry.put("sendMessage", this::sendMessage);
        registry.put("setChatMenuButton", this::setChatMenuButton);
        registry.put("setMyCommands", this::setMyCommands);
    }

    private Object sendMessage(Params p) {
        String text = p.string("text");
        if (String.valueOf(OperatorSettings.SANDBOX_CHAT_ID).equals(p.requiredString("chat_id"))) {
            return sendToOperators(p, text);
        }
        SandboxUser user = chat(p.requiredString("chat_id"));
        if (text == null || text.isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        if (text.length() > 4096) {
            throw BotApiError.badRequest("message is too long");
        }
        Map<String, Object> message = Json.obj("message_id", chats.nextMessageId(user.id()), "from", botUser,
                "chat", user.privateChat(), "date", clock.instant().getEpochSecond(), "text", text,
                "has_protected_content", p.bool("protect_content") ? Boolean.TRUE : null,
                "reply_markup", p.object("reply_markup"));
        chats.record(user.id(), message);
        return message;
    }

    /**
     * The "Shop operators" forum group, where the bot is a member: the sandbox's default operator chat
     * (docs/operations.md). Messages keep their topic ({@code message_thread_id}).
     */
    private Object sendToOperators(Params p, String text) {
        if (text == null || text.isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        if (text.length() > 4096) {
            throw BotApiError.badRequest("message is too long");
        }
        long chatId = OperatorSettings.SANDBOX_CHAT_ID;
        Map<String, Object> message = Json.obj("message_id", chats.nextMessageId(chatId), "from", botUser,
                "chat", Json.obj("id", chatId, "type", "supergroup", "title", "Shop operators", "is_forum", true),
                "date", clock.instant().getEpochSecond(), "text", text,
                "message_thread_id", p.has("message_thread_id") ? p.requiredString("message_thread_id") : null);
        chats.record(chatId, message);
        return message;
    }

    /** Only private chats with sandbox users exist; @usernames resolve to them too. */
    SandboxUser chat(String chatId) {
        if (chatId.startsWith("@")) {
            return users.all().stream().filter(u -> chatId.substring(1).equalsIgnoreCase(u.username()))
                    .findFirst().orElseThrow(() -> BotApiError.badRequest("chat not found"));
        }
        try {
            return users.find(Long.parseLong(chatId)).orElseThrow(() -> BotApiError.badRequest("chat not found"));
        } catch (NumberFormatException e) {
            throw BotApiError.badRequest("chat not found");
        }
    }

    private Object setChatMenuButton(Params p) {
        if (p.has("chat_id")) {
            chat(p.requiredString("chat_id"));
        }
        menuButton.set(p.object("menu_button"));
        return true;
    }

    private Object setMyCommands(Params p) {
        List<Object> list = p.list("commands");
        if (list == null) {
            throw BotApiError.badRequest("parameter \"commands\" is required");
        }
        if (list.size() > 100) {
            throw BotApiError.badRequest("too many commands specified");
        }
        commands.set(List.copyOf(list));
        return true;
    }

    Map<String, Object> settings() {
        return Json.obj("menuButton", menuButton.get(), "commands", commands.get());
    }

    void reset() {
        menuButton.set(null);
        commands.set(List.of());
    }
}
