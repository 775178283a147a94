package dev.starshop.platform.migration;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned SQL migration in the jar, named the way Flyway names it: {@code V<version>__<description>.sql},
 * the version's parts separated by {@code .} or {@code _}, the description's words by {@code _}.
 *
 * @param script      the file name, as Flyway records it in {@code script} for a file directly in {@code db/migration}
 * @param version     the version as Flyway records it ({@code _} read as {@code .})
 * @param description as Flyway records it ({@code _} read as a space)
 * @param checksum    Flyway's checksum of the file ({@link FlywayChecksum})
 */
record PackagedMigration(String script, String version, String description, int checksum)
        implements Comparable<PackagedMigration> {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** Empty when Flyway would read the file differently than the fast path can (another kind, placeholders). */
    static Optional<PackagedMigration> of(String fileName, byte[] content) {
        Matcher name = VERSIONED.matcher(fileName);
        if (!name.matches() || new String(content, StandardCharsets.UTF_8).contains("${")) {
            return Optional.empty();
        }
        return Optional.of(new PackagedMigration(fileName, name.group(1).replace('_', '.'),
                name.group(2).replace('_', ' '), FlywayChecksum.of(content)));
    }

    /** Flyway's order: numerically, part by part; a version with more parts comes after its prefix. */
    @Override
    public int compareTo(PackagedMigration other) {
        List<BigInteger> mine = parts(version);
        List<BigInteger> theirs = parts(other.version);
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            int byPart = mine.get(i).compareTo(theirs.get(i));
            if (byPart != 0) {
                return byPart;
            }
        }
        return Integer.compare(mine.size(), theirs.size());
    }

    private static List<BigInteger> parts(String version) {
        return Arrays.stream(version.split("\\.")).map(BigInteger::new).toList();
    }
}
