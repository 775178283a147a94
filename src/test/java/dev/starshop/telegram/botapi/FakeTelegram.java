package dev.starshop.telegram.botapi;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The script of the fake Bot API: replies queued per method, and every call it received. */
@Singleton
@Requires(property = "spec.name", value = "BotApiClientTest")
class FakeTelegram {

    /** A reply as Telegram (or a proxy in front of it) sends it. */
    record Reply(int status, String contentType, String body, long delayMillis) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, 0);
        }

        static Reply html(int status, String body) {
            return new Reply(status, "text/html", body, 0);
        }

        static Reply slow(long delayMillis) {
            return new Reply(200, "application/json", "{\"ok\":true,\"result\":true}", delayMillis);
        }
    }

    /** A received call: which token and path form it used, and the JSON body. */
    record Call(String token, boolean testEnvironment, String method, String body) {
    }

    private static final Reply UNSCRIPTED = Reply.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");

    private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    void reply(String method, Reply... replies) {
        script.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    synchronized Reply answer(Call call) {
        calls.add(call);
        Deque<Reply> queue = script.get(call.method());
        Reply next = queue == null ? null : queue.poll();
        return next == null ? UNSCRIPTED : next;
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    void reset() {
        script.clear();
        calls.clear();
    }
}
