package dev.starshop.harness;

import java.util.Random;

/**
 * How big a harness run is: {@code -Dstarshop.harness.scale=full} (the {@code -Pharness} profile)
 * or the default {@code small}, and the seed ({@code -Dstarshop.harness.seed=}) to replay one.
 */
final class HarnessScale {

    private HarnessScale() {
    }

    static boolean full() {
        return "full".equals(System.getProperty("starshop.harness.scale", "small"));
    }

    static int pick(int small, int full) {
        return full() ? full : small;
    }

    static long seed() {
        String given = System.getProperty("starshop.harness.seed");
        return given == null || given.isBlank() ? new Random().nextLong() : Long.parseLong(given.trim());
    }
}
