package dev.starshop.harness;

import java.util.Locale;
import java.util.Random;

/**
 * How big a harness run is, from {@code -Dstarshop.harness.scale=}: {@code small} in a plain
 * {@code mvn verify}, {@code full} in CI ({@code .ci/run}) and with the {@code -Pharness} profile;
 * and the seed ({@code -Dstarshop.harness.seed=}) to replay one. Any other value is an error, so a
 * typo cannot quietly run the small harness where the full one was asked for.
 */
final class HarnessScale {

    static final String PROPERTY = "starshop.harness.scale";

    private HarnessScale() {
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

    private static boolean full() {
        String given = System.getProperty(PROPERTY, "small").trim().toLowerCase(Locale.ROOT);
        return switch (given) {
            case "small" -> false;
            case "full" -> true;
            default -> throw new IllegalArgumentException(PROPERTY + " is small or full, not '" + given + "'");
        };
    }
}
