package dev.starshop.sandbox;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * sendDocument: a new file (multipart upload) or one sent before (its file_id), into a sandbox
 * user's private chat. Like Telegram, the same content always has the same file_unique_id, and a
 * file_id can be sent again; its details and (within a total bound) its bytes are kept for the sandbox host.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class DocumentMethods implements BotMethods {

    private static final int MAX_CAPTION = 1024;
    private static final Base64.Encoder ID = Base64.getUrlEncoder().withoutPadding();

    private final ChatMethods chatMethods;
    private final Chats chats;
    private final Clock clock;
    private final Map<String, Object> botUser;
    private final long maxFileSize;
    private final SecureRandom random = new SecureRandom();

    DocumentMethods(ChatMethods chatMethods, Chats chats, Clock clock, BotCredentials credentials,
                    @Value("${starshop.sandbox.max-file-size:52428800}") long maxFileSize) {
        this.chatMethods = chatMethods;
        this.chats = chats;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
        this.botUser = Json.obj("id", credentials.botId(), "is_bot", true, "first_name", "Starshop Sandbox",
                "username", "starshop_sandbox_bot");
    }

    @Override
    public void register(Map<String, BotMethod> registry) {
        registry.put("sendDocument", this::sendDocument);
    }

    private Object sendDocument(Params p) {
        SandboxUser user = chatMethods.chat(p.requiredString("chat_id"));
        Map<String, Object> document = document(p.raw().get("document"));
        String caption = p.string("caption");
        if (caption != null && caption.length() > MAX_CAPTION) {
            throw BotApiError.badRequest("message caption is too long");
        }
        boolean protect = p.bool("protect_content");
        Map<String, Object> message = Json.obj("message_id", chats.nextMessageId(user.id()), "from", botUser,
                "chat", user.privateChat(), "date", clock.instant().getEpochSecond(), "document", document,
                "caption", caption, "has_protected_content", protect ? Boolean.TRUE : null,
                "reply_markup", p.object("reply_markup"));
        chats.record(user.id(), message);
        return message;
    }

    private Map<String, Object> document(Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw BotApiError.badRequest("parameter \"document\" is required");
        }
        if (value instanceof UploadedFile file) {
            return upload(file);
        }
        Map<String, Object> known = chats.document(String.valueOf(value));
        if (known == null) {
            // Telegram's answer for an unknown file_id (and for a URL it cannot fetch).
            throw BotApiError.badRequest("wrong file identifier/HTTP URL specified");
        }
        return known;
    }

    private Map<String, Object> upload(UploadedFile file) {
        if (file.content().length > maxFileSize) {
            throw BotApiError.requestEntityTooLarge();
        }
        if (file.content().length == 0) {
            throw BotApiError.badRequest("file must be non-empty");
        }
        Map<String, Object> document = Json.obj("file_id", "BQACAgIAAxkBAAI" + ID.encodeToString(randomBytes(24)),
                "file_unique_id", "AgAD" + ID.encodeToString(sha256(file.content())).substring(0, 12),
                "file_name", file.fileName(), "mime_type", file.contentType(),
                "file_size", (long) file.content().length);
        chats.rememberDocument(document, file.content());
        return document;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
