package dev.starshop.bench;

import java.time.Duration;

/** A result and how long it took to get it. */
public record Timed<T>(T value, Duration elapsed) {

    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    public static <T> Timed<T> run(Work<T> work) {
        long start = System.nanoTime();
        try {
            T value = work.run();
            return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }
}
