package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Messages of each private chat (chat id = user id), with Telegram's per-chat message ids. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class Chats {

    private final Map<Long, AtomicLong> lastMessageId = new ConcurrentHashMap<>();
    private final Map<Long, List<Map<String, Object>>> messages = new ConcurrentHashMap<>();

    long nextMessageId(long chatId) {
        return lastMessageId.computeIfAbsent(chatId, id -> new AtomicLong()).incrementAndGet();
    }

    void record(long chatId, Map<String, Object> message) {
        messages.computeIfAbsent(chatId, id -> new CopyOnWriteArrayList<>()).add(message);
    }

    List<Map<String, Object>> messages(long chatId) {
        return List.copyOf(messages.getOrDefault(chatId, List.of()));
    }

    void clear() {
        lastMessageId.clear();
        messages.clear();
    }
}
