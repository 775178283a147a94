package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** The Bot API calls received, newest last; parameters and the token are deliberately not kept. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
public final class CallLog {

    private static final int KEEP = 2000;

    @Serdeable
    public record Call(String method, String at, int status, String outcome, String via) {
    }

    private final List<Call> calls = new ArrayList<>();

    synchronized void add(Call call) {
        if (calls.size() == KEEP) {
            calls.remove(0);
        }
        calls.add(call);
    }

    synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        calls.clear();
    }
}
