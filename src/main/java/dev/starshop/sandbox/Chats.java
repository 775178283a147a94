package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last messages of each private chat (chat id = user id), with Telegram's per-chat message ids,
 * and the documents sent into them (metadata only, by file_id, the newest {@link #MAX_DOCUMENTS}).
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class Chats {

    private final Map<Long, AtomicLong> lastMessageId = new ConcurrentHashMap<>();
    private final Map<Long, Ring<Map<String, Object>>> messages = new ConcurrentHashMap<>();
    private final int keepPerChat;
    private final Map<String, Map<String, Object>> documents = Ring.boundedMap(MAX_DOCUMENTS);

    /** Documents remembered for sending again by file_id; the oldest is forgotten first. */
    static final int MAX_DOCUMENTS = 10_000;

    Chats(SandboxSettings settings) {
        this.keepPerChat = settings.chatHistorySize();
    }

    long nextMessageId(long chatId) {
        return lastMessageId.computeIfAbsent(chatId, id -> new AtomicLong()).incrementAndGet();
    }

    void record(long chatId, Map<String, Object> message) {
        messages.computeIfAbsent(chatId, id -> new Ring<>(keepPerChat)).add(message);
    }

    List<Map<String, Object>> messages(long chatId) {
        Ring<Map<String, Object>> chat = messages.get(chatId);
        return chat == null ? List.of() : chat.all();
    }

    void rememberDocument(Map<String, Object> document) {
        synchronized (documents) {
            documents.put((String) document.get("file_id"), document);
        }
    }

    Map<String, Object> document(String fileId) {
        synchronized (documents) {
            return documents.get(fileId);
        }
    }

    int documentCount() {
        synchronized (documents) {
            return documents.size();
        }
    }

    /** Messages kept, all chats together. */
    int size() {
        return messages.values().stream().mapToInt(Ring::size).sum();
    }

    void clear() {
        lastMessageId.clear();
        messages.clear();
        synchronized (documents) {
            documents.clear();
        }
    }
}
