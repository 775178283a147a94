package dev.starshop.platform.migration;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index the build writes lists exactly the files of {@code migrations/}, and the fast path's
 * checksum is Flyway's own ({@link ChecksumCalculator}) for every migration and for the line endings
 * and byte-order marks a file may have.
 */
class MigrationIndexTest {

    private static final ClassLoader CLASSES = MigrationIndexTest.class.getClassLoader();

    @Test
    void theIndexListsExactlyTheFilesInMigrations() throws IOException {
        List<String> files;
        try (Stream<Path> all = Files.walk(Path.of("migrations"))) {
            files = all.filter(Files::isRegularFile)
                    .map(file -> Path.of("migrations").relativize(file).toString()).sorted().toList();
        }
        assertEquals(files, PackagedMigrations.names(CLASSES).stream().sorted().toList(),
                "target/classes/" + PackagedMigrations.INDEX + " is written by the build (pom.xml, migration-index)");
        assertTrue(files.size() >= 23, files.toString());
    }

    @Test
    void everyPackagedMigrationIsReadInFlywaysOrderWithFlywaysChecksum() throws IOException {
        List<PackagedMigration> packaged = PackagedMigrations.read(CLASSES).orElseThrow();

        assertEquals("1", packaged.get(0).version());
        assertEquals("catalog", packaged.get(0).description());
        assertEquals("2", packaged.get(1).version(), "numeric order, not V10 after V1");
        assertEquals("catalog categories and images", packaged.stream()
                .filter(migration -> migration.version().equals("17")).findFirst().orElseThrow().description());
        for (PackagedMigration migration : packaged) {
            String text = Files.readString(Path.of("migrations", migration.script()));
            assertEquals(flyway(text), migration.checksum(), migration.script());
        }
    }

    @Test
    void lineEndingsAndByteOrderMarksChecksumAsFlywaysDo() {
        String sql = "CREATE TABLE t (id INT);\n\n-- note\nINSERT INTO t VALUES (1);\n";
        Map<String, String> variants = Map.of(
                "LF", sql,
                "CRLF", sql.replace("\n", "\r\n"),
                "CR", sql.replace("\n", "\r"),
                "no final line end", sql.strip(),
                "byte-order mark", "\uFEFF" + sql,
                "two marks", "\uFEFF\uFEFF" + sql,
                "mark on a later line", sql + "\uFEFFSELECT 1;\n",
                "mixed endings", "a\r\nb\rc\n\r\nd",
                "empty", "",
                "non-ASCII", "COMMENT ON TABLE t IS 'Zahlungseingänge – ₽ ⭐';\n");
        variants.forEach((name, text) ->
                assertEquals(flyway(text), FlywayChecksum.of(text.getBytes(StandardCharsets.UTF_8)), name));
        assertEquals(FlywayChecksum.of(bytes(sql)), FlywayChecksum.of(bytes(sql.replace("\n", "\r\n"))));
        assertTrue(FlywayChecksum.of(bytes(sql)) != FlywayChecksum.of(bytes(sql.replace("1", "2"))));
    }

    @Test
    void aFileTheFastPathCannotReadAsFlywayWouldIsLeftToFlyway() {
        assertTrue(PackagedMigration.of("R__views.sql", bytes("SELECT 1;")).isEmpty(), "repeatable");
        assertTrue(PackagedMigration.of("afterMigrate.sql", bytes("SELECT 1;")).isEmpty(), "callback");
        assertTrue(PackagedMigration.of("V24__x.sql", bytes("SET search_path = ${schema};")).isEmpty(), "placeholder");
        assertEquals("1.2.3", PackagedMigration.of("V1_2.3__a_b.sql", bytes("")).orElseThrow().version());
    }

    private static int flyway(String text) {
        return ChecksumCalculator.calculate(new StringResource(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
