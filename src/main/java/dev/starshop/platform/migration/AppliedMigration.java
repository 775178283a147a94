package dev.starshop.platform.migration;

/** One row of Flyway's {@code flyway_schema_history}, in {@code installed_rank} order. */
record AppliedMigration(int installedRank, String version, String description, String type, String script,
                        Integer checksum, boolean success) {
}
