package dev.starshop.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md names every {@code starshop.*} key the engine reads, with its environment
 * variable, and no key the engine does not read. A key added to the code without a row in that page
 * fails the build here.
 */
class ConfigurationDocsTest {

    private static final String PAGE = "docs/configuration.md";
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("`(starshop\\.[a-z0-9.\\-]*[a-z0-9])`");

    @Test
    void everyKeyTheCodeReadsIsDocumentedWithItsEnvironmentVariable() {
        String page = RepositoryFiles.read(PAGE);
        Map<String, Set<String>> keys = ConfigKeys.inSources(RepositoryFiles.root());
        Set<String> missing = new TreeSet<>();
        keys.forEach((key, files) -> {
            if (!page.contains("`" + key + "`") || !page.contains("`" + ConfigKeys.environmentVariable(key) + "`")) {
                missing.add(key + " (" + ConfigKeys.environmentVariable(key) + ", read in " + String.join(", ", files) + ")");
            }
        });
        assertTrue(missing.isEmpty(), "Add a row (variable, property, default, meaning) to " + PAGE + " for:\n  "
                + String.join("\n  ", missing));
    }

    @Test
    void everyKeyInApplicationYmlIsDocumented() {
        String page = RepositoryFiles.read(PAGE);
        Set<String> missing = ConfigKeys.inYaml(RepositoryFiles.read("src/main/resources/application.yml")).stream()
                .filter(key -> !page.contains("`" + key + "`")).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "application.yml sets keys " + PAGE + " does not describe: " + missing);
    }

    @Test
    void everyDocumentedKeyIsReadByTheCode() {
        Set<String> read = ConfigKeys.inSources(RepositoryFiles.root()).keySet();
        Matcher m = DOCUMENTED_KEY.matcher(RepositoryFiles.read(PAGE));
        Set<String> stale = new TreeSet<>();
        while (m.find()) {
            if (!read.contains(m.group(1))) {
                stale.add(m.group(1));
            }
        }
        assertTrue(stale.isEmpty(), PAGE + " documents keys nothing in src/main/java reads: " + stale);
    }

    /** The scanner itself: if it stopped finding a kind of key, the tests above would pass vacuously. */
    @Test
    void theScannerFindsEveryKindOfKeyInTheRealSources() {
        Set<String> read = ConfigKeys.inSources(RepositoryFiles.root()).keySet();
        for (String key : Set.of(
                "starshop.admin-token",                          // @Value placeholder with an empty default
                "starshop.orders.expiry-sweep-interval",         // placeholder inside @Scheduled
                "starshop.catalog.seed-demo",                    // @Requires(property = ...)
                "starshop.telegram.bot-token",                   // @Requires(missingProperty = ...) and a record
                "starshop.telegram.init-data-max-age",           // @ConfigurationProperties record, kebab case
                "starshop.embedded-postgres.data-dir",           // component with a ${...} default
                "starshop.checkout.need-phone-number")) {        // one of several @Value parameters
            assertTrue(read.contains(key), key + " not found; the scanner is broken");
        }
        assertTrue(read.stream().noneMatch(key -> key.startsWith("starshop.webhook.")),
                "metric names (starshop.webhook.*) are not configuration keys: " + read);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@Value(\"${starshop.a.b-c:5s}\") Duration x                    | starshop.a.b-c",
            "@Scheduled(cron = \"${starshop.cron:0 30 3 * * *}\")            | starshop.cron",
            "@Requires(property = \"starshop.x.enabled\", value = \"true\")  | starshop.x.enabled",
            "@Requires(missingProperty = \"starshop.token\")                 | starshop.token",
            "@Property(name = \"starshop.named\") String named;              | starshop.named",
            "env.getProperty(\"starshop.looked-up\", String.class)           | starshop.looked-up",
            "Counter.builder(\"starshop.metric.name\")                        | ''",
            "/** {@code starshop.mentioned.in.prose} */                      | ''"})
    void literalKeys(String source, String expected) {
        assertEquals(expected.isEmpty() ? Set.of() : Set.of(expected), ConfigKeys.keysIn(source, "example"));
    }

    @Test
    void configurationRecordsBecomePrefixPlusKebabCaseComponents() {
        String source = """
                @ConfigurationProperties("starshop.example")
                @Requires(missingProperty = "starshop.telegram.bot-token")
                public record Example(
                        @Bindable(defaultValue = "${user.home}/a,b(c)") Path dataDir,
                        @Nullable @Deprecated String webAppVersion,
                        Map<String, List<Long>> pricesPerCurrency,
                        @Bindable(defaultValue = "10s") Duration preCheckoutTimeout) {
                }
                """;
        assertEquals(Set.of("starshop.telegram.bot-token", "starshop.example.data-dir",
                        "starshop.example.web-app-version", "starshop.example.prices-per-currency",
                        "starshop.example.pre-checkout-timeout"),
                ConfigKeys.keysIn(source, "Example.java"));
    }

    @ParameterizedTest
    @MethodSource("unreadableConfigurationTypes")
    void configurationTypesTheScannerCannotReadFailLoudly(String source) {
        assertThrows(IllegalStateException.class, () -> ConfigKeys.keysIn(source, "Unreadable.java"));
    }

    static Stream<String> unreadableConfigurationTypes() {
        return Stream.of("""
                @ConfigurationProperties("starshop.bean")
                public class Bean { void setX(int x) {} }
                """, """
                public class Outer {
                    @ConfigurationProperties("starshop.inner")
                    record Inner(int x) {}
                }
                """, """
                @EachProperty("starshop.shops")
                public record Shop(String name) {}
                """);
    }

    @ParameterizedTest
    @CsvSource({
            "starshop.admin-token, STARSHOP_ADMIN_TOKEN",
            "starshop.telegram.polling.max-attempts, STARSHOP_TELEGRAM_POLLING_MAX_ATTEMPTS",
            "starshop.sandbox.host.web-app-version, STARSHOP_SANDBOX_HOST_WEB_APP_VERSION"})
    void environmentVariables(String key, String variable) {
        assertEquals(variable, ConfigKeys.environmentVariable(key));
    }

    @Test
    void yamlLeavesUnderStarshop() {
        assertEquals(Set.of("starshop.http.max-body-size", "starshop.checkout.tips"),
                ConfigKeys.inYaml("micronaut:\n  server:\n    port: 1\nstarshop:\n  http:\n    max-body-size: 5\n"
                        + "  checkout:\n    tips: '{\"USD\": {}}'\n"));
        assertEquals(Set.of(), ConfigKeys.inYaml("micronaut:\n  x: 1\n"));
    }
}
