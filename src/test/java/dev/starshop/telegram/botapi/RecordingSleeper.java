package dev.starshop.telegram.botapi;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the client's waits instead of sleeping, so retry tests run in milliseconds. */
@Singleton
@Replaces(Sleeper.class)
@Requires(property = "spec.name", value = "BotApiClientTest")
class RecordingSleeper implements Sleeper {

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
