package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The sandbox's users and their Stars balances; balance changes are atomic per user. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class SandboxUsers {

    private final ConcurrentMap<Long, SandboxUser> users = new ConcurrentHashMap<>();

    void seed() {
        put(new SandboxUser(100001L, "Alice", "alice", "en", 5000));
        put(new SandboxUser(100002L, "Bob", "bob", "en", 50));
        put(new SandboxUser(100003L, "Li", "li", "zh-hans", 1000));
    }

    void clear() {
        users.clear();
    }

    SandboxUser put(SandboxUser user) {
        users.put(user.id(), user);
        return user;
    }

    Optional<SandboxUser> find(long id) {
        return Optional.ofNullable(users.get(id));
    }

    List<SandboxUser> all() {
        return users.values().stream().sorted(Comparator.comparingLong(SandboxUser::id)).toList();
    }

    SandboxUser setBalance(long id, long balance) {
        SandboxUser updated = users.computeIfPresent(id, (key, user) -> user.withBalance(balance));
        if (updated == null) {
            throw new UnknownUserException(id);
        }
        return updated;
    }

    /** Takes Stars from the user's wallet; false (and no change) when the balance is too low. */
    boolean debit(long id, long amount) {
        boolean[] done = {false};
        users.computeIfPresent(id, (key, user) -> {
            if (user.starBalance() < amount) {
                return user;
            }
            done[0] = true;
            return user.withBalance(user.starBalance() - amount);
        });
        return done[0];
    }

    void credit(long id, long amount) {
        users.computeIfPresent(id, (key, user) -> user.withBalance(user.starBalance() + amount));
    }

    static final class UnknownUserException extends RuntimeException {
        UnknownUserException(long id) {
            super("No sandbox user " + id);
        }
    }
}
