package dev.starshop.telegram.botapi;

import io.micronaut.context.annotation.DefaultImplementation;

import java.time.Duration;

/** How the client waits between attempts; a seam so tests record waits instead of sleeping. */
@FunctionalInterface
@DefaultImplementation(ThreadSleeper.class)
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;
}
