package dev.starshop.platform.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the database's history is exactly what Flyway would leave after migrating this jar's
 * migrations: one successful SQL row per packaged migration, in the same order, with the same version,
 * description, script and checksum, and nothing else. Anything else — fewer rows, more rows, a failed
 * row, another checksum — is a reason to let Flyway decide (migrate, or fail its validation).
 */
final class SchemaCurrency {

    private SchemaCurrency() {
    }

    /** Empty when current; otherwise why not, for the log. */
    static Optional<String> whyNotCurrent(List<PackagedMigration> packaged, List<AppliedMigration> applied) {
        for (int i = 0; i < Math.max(packaged.size(), applied.size()); i++) {
            if (i >= applied.size()) {
                return Optional.of(packaged.size() - applied.size() + " migration(s) pending, from version "
                        + packaged.get(i).version());
            }
            if (i >= packaged.size()) {
                return Optional.of("the history has rows this jar does not carry, from installed_rank "
                        + applied.get(i).installedRank());
            }
            Optional<String> difference = difference(packaged.get(i), applied.get(i));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> difference(PackagedMigration expected, AppliedMigration row) {
        String at = "installed_rank " + row.installedRank() + " (" + row.script() + ")";
        if (!row.success()) {
            return Optional.of(at + " is recorded as failed");
        }
        if (!"SQL".equals(row.type()) || !expected.version().equals(row.version())
                || !expected.script().equals(row.script()) || !expected.description().equals(row.description())) {
            return Optional.of(at + " is not " + expected.script());
        }
        if (!Objects.equals(expected.checksum(), row.checksum())) {
            return Optional.of(at + " has another checksum than the jar's file");
        }
        return Optional.empty();
    }
}
