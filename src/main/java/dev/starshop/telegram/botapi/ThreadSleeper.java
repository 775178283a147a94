package dev.starshop.telegram.botapi;

import jakarta.inject.Singleton;

import java.time.Duration;

@Singleton
final class ThreadSleeper implements Sleeper {

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
