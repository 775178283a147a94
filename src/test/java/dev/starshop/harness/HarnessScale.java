package dev.starshop.harness;

import java.util.Random;

/**
 * How big a harness run is: {@code small} in the normal build, {@code full} with
 * {@code -Dstarshop.harness.scale=full} (the {@code -Pharness} profile sets it), and the seed
 * ({@code -Dstarshop.harness.seed=}) to replay one.
 */
final class HarnessScale {

    static final String PROPERTY = "starshop.harness.scale";

    private HarnessScale() {
    }

    static boolean full() {
        return "full".equalsIgnoreCase(System.getProperty(PROPERTY, "small"));
    }

    static int pick(int small, int full) {
        return full() ? full : small;
    }

    static String name() {
        return full() ? "full" : "small";
    }

    static long seed() {
        String given = System.getProperty("starshop.harness.seed");
        return given == null || given.isBlank() ? new Random().nextLong() : Long.parseLong(given.trim());
    }
}
