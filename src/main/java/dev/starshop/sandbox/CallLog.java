package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;

/** The last Bot API calls received, newest last; parameters and the token are deliberately not kept. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
public final class CallLog {

    @Serdeable
    public record Call(String method, String at, int status, String outcome, String via) {
    }

    private final Ring<Call> calls;

    CallLog(SandboxSettings settings) {
        this.calls = new Ring<>(settings.callLogSize());
    }

    void add(Call call) {
        calls.add(call);
    }

    List<Call> all() {
        return calls.all();
    }

    int size() {
        return calls.size();
    }

    void clear() {
        calls.clear();
    }
}
