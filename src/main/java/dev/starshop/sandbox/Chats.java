package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each user's private chat with the bot (chat id = user id), with Telegram's per-chat message ids:
 * the newest {@code chat-history-size} messages of a chat and the newest {@link #MAX_MESSAGES} of
 * all chats together. The documents sent into them: details by file_id (the newest
 * {@link #MAX_DOCUMENTS}) and their bytes by content, the newest {@link #MAX_DOCUMENT_BYTES} in total,
 * so the sandbox host can offer them for download.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class Chats {

    /** Documents remembered for sending again by file_id; the oldest is forgotten first. */
    static final int MAX_DOCUMENTS = 10_000;
    /** Messages kept across every chat; beyond it the oldest message of all goes first. */
    static final int MAX_MESSAGES = 20_000;
    /** Bytes of document content kept across every chat (a few e-books, one 50 MB file at most). */
    static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    private final Map<Long, AtomicLong> lastMessageId = new ConcurrentHashMap<>();
    private final int keepPerChat;
    /** Guarded by {@code this}: each chat oldest first, and every message's (chat, id) in arrival order. */
    private final Map<Long, ArrayDeque<Map<String, Object>>> messages = new HashMap<>();
    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private final Map<String, Map<String, Object>> documents = Ring.boundedMap(MAX_DOCUMENTS);
    /** Guarded by {@code documents}: content by file_unique_id, oldest first. */
    private final LinkedHashMap<String, byte[]> contents = new LinkedHashMap<>();
    private long contentBytes;

    Chats(SandboxSettings settings) {
        this.keepPerChat = settings.chatHistorySize();
    }

    long nextMessageId(long chatId) {
        return lastMessageId.computeIfAbsent(chatId, id -> new AtomicLong()).incrementAndGet();
    }

    synchronized void record(long chatId, Map<String, Object> message) {
        ArrayDeque<Map<String, Object>> chat = messages.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        if (chat.size() == keepPerChat) {
            chat.removeFirst();
        }
        chat.addLast(message);
        arrivals.addLast(new long[]{chatId, ((Number) message.get("message_id")).longValue()});
        if (arrivals.size() > MAX_MESSAGES) {
            forgetOldest();
        }
    }

    /** Drops the oldest arrival's message unless its chat dropped it already (its own bound). */
    private void forgetOldest() {
        long[] oldest = arrivals.removeFirst();
        ArrayDeque<Map<String, Object>> chat = messages.get(oldest[0]);
        if (chat != null && !chat.isEmpty()
                && ((Number) chat.peekFirst().get("message_id")).longValue() == oldest[1]) {
            chat.removeFirst();
            if (chat.isEmpty()) {
                messages.remove(oldest[0]);
            }
        }
    }

    synchronized List<Map<String, Object>> messages(long chatId) {
        ArrayDeque<Map<String, Object>> chat = messages.get(chatId);
        return chat == null ? List.of() : List.copyOf(chat);
    }

    /** The chat's messages with a message_id above {@code afterId}, oldest first. */
    synchronized List<Map<String, Object>> messagesAfter(long chatId, long afterId) {
        ArrayDeque<Map<String, Object>> chat = messages.get(chatId);
        List<Map<String, Object>> newer = new ArrayList<>();
        if (chat != null) {
            chat.stream().filter(m -> ((Number) m.get("message_id")).longValue() > afterId).forEach(newer::add);
        }
        return newer;
    }

    void rememberDocument(Map<String, Object> document, byte[] content) {
        synchronized (documents) {
            documents.put((String) document.get("file_id"), document);
            keepContent((String) document.get("file_unique_id"), content);
        }
    }

    private void keepContent(String uniqueId, byte[] content) {
        if (content.length > MAX_DOCUMENT_BYTES || contents.containsKey(uniqueId)) {
            return;
        }
        contents.put(uniqueId, content);
        contentBytes += content.length;
        Iterator<Map.Entry<String, byte[]>> oldestFirst = contents.entrySet().iterator();
        while (contentBytes > MAX_DOCUMENT_BYTES) {
            contentBytes -= oldestFirst.next().getValue().length;
            oldestFirst.remove();
        }
    }

    Map<String, Object> document(String fileId) {
        synchronized (documents) {
            return documents.get(fileId);
        }
    }

    /** The bytes of the document sent as {@code fileId}, while they are kept; null otherwise. */
    byte[] content(String fileId) {
        synchronized (documents) {
            Map<String, Object> document = documents.get(fileId);
            return document == null ? null : contents.get((String) document.get("file_unique_id"));
        }
    }

    int documentCount() {
        synchronized (documents) {
            return documents.size();
        }
    }

    long documentBytes() {
        synchronized (documents) {
            return contentBytes;
        }
    }

    /** Messages kept, all chats together. */
    synchronized int size() {
        return messages.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    void clear() {
        synchronized (this) {
            lastMessageId.clear();
            messages.clear();
            arrivals.clear();
        }
        synchronized (documents) {
            documents.clear();
            contents.clear();
            contentBytes = 0;
        }
    }
}
