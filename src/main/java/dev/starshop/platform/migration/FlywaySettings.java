package dev.starshop.platform.migration;

import io.micronaut.core.value.PropertyResolver;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code flyway.datasources.<name>.*} settings (micronaut-flyway's names, which the engine keeps)
 * as Flyway's own configuration keys: {@code baseline-on-migrate} becomes {@code flyway.baselineOnMigrate},
 * {@code placeholders.shop} stays {@code flyway.placeholders.shop}, a list becomes a comma-separated
 * value, and the entries of {@code properties} pass as they are. {@code enabled} is the engine's switch;
 * micronaut-flyway's own extras (another database's {@code url}, {@code user}, {@code password},
 * {@code async}, {@code clean-schema}) are refused: migrations run on the engine's database, before it
 * answers.
 */
final class FlywaySettings {

    static final String PREFIX = "flyway.datasources.";
    private static final Set<String> REFUSED = Set.of("url", "user", "username", "password", "async", "clean-schema");

    private FlywaySettings() {
    }

    static boolean enabled(PropertyResolver properties, String dataSource) {
        return properties.getProperty(PREFIX + dataSource + ".enabled", Boolean.class).orElse(true);
    }

    /** Flyway's keys and values, sorted; every setting but {@code enabled}. */
    static Map<String, String> of(PropertyResolver properties, String dataSource) {
        Map<String, String> flyway = new TreeMap<>();
        properties.getProperties(PREFIX + dataSource).forEach((key, value) -> add(flyway, dataSource, key, value));
        return flyway;
    }

    /**
     * Micronaut lists a list both whole and by index ({@code locations[0]}), and an environment
     * variable under every spelling its underscores allow ({@code baseline.on-migrate},
     * {@code baseline-on.migrate}, …): indexed entries are left out and a setting's spellings all
     * become the same Flyway key. Only {@code placeholders.*} and {@code properties.*} keep their
     * names as written (their other spellings, {@code placeholders-x}, are left out).
     */
    private static void add(Map<String, String> flyway, String dataSource, String key, Object value) {
        if (key.equals("enabled") || key.contains("[")) {
            return;
        }
        if (key.startsWith("properties.")) {
            flyway.put(key.substring("properties.".length()), text(value));
            return;
        }
        if (key.startsWith("placeholders.")) {
            flyway.put("flyway." + key, text(value));
            return;
        }
        if (key.startsWith("properties-") || key.startsWith("placeholders-")) {
            return;
        }
        String setting = key.replace('.', '-');
        if (REFUSED.contains(setting)) {
            throw new IllegalStateException(PREFIX + dataSource + "." + setting
                    + " is not supported: the engine migrates its own database before it answers (docs/operations.md)");
        }
        flyway.put("flyway." + camelCase(setting), text(value));
    }

    private static String text(Object value) {
        return value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
    }

    static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
