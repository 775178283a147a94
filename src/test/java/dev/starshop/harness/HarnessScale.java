package dev.starshop.harness;

/**
 * How big the resilience harness runs: {@code small} in the normal build, {@code full} with
 * {@code -Dstarshop.harness.scale=full} (the {@code harness} Maven profile sets it).
 */
final class HarnessScale {

    static final String PROPERTY = "starshop.harness.scale";

    private HarnessScale() {
    }

    static boolean isFull() {
        return "full".equalsIgnoreCase(System.getProperty(PROPERTY, "small"));
    }

    static int pick(int small, int full) {
        return isFull() ? full : small;
    }

    static String name() {
        return isFull() ? "full" : "small";
    }
}
