package dev.starshop.platform.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migrations the jar carries, found without scanning it: the build writes the names of the files
 * in {@code migrations/} (packed as {@code db/migration}) into {@link #INDEX} (pom.xml, the
 * {@code migration-index} execution), and each named file is read and checksummed here.
 * {@code MigrationIndexTest} fails when the index and {@code migrations/} disagree.
 */
final class PackagedMigrations {

    static final String INDEX = "META-INF/starshop/migrations.index";
    static final String LOCATION = "db/migration/";

    private PackagedMigrations() {
    }

    /** In Flyway's order; empty when a file is not one the fast path understands (Flyway then decides). */
    static Optional<List<PackagedMigration>> read(ClassLoader classLoader) {
        List<PackagedMigration> migrations = new ArrayList<>();
        for (String fileName : names(classLoader)) {
            Optional<PackagedMigration> migration = PackagedMigration.of(fileName, bytes(classLoader, LOCATION + fileName));
            if (migration.isEmpty()) {
                return Optional.empty();
            }
            migrations.add(migration.get());
        }
        migrations.sort(null);
        return Optional.of(List.copyOf(migrations));
    }

    static List<String> names(ClassLoader classLoader) {
        return new String(bytes(classLoader, INDEX), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    private static byte[] bytes(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
