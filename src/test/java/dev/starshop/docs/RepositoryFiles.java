package dev.starshop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository as the tests that keep docs/ honest read them: Maven runs tests in the
 * project directory, and every path here is inside the repository (nothing beside it).
 */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The project directory: the working directory, or the nearest parent with a pom.xml and docs/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from the project directory: no pom.xml with docs/ above "
                + Path.of("").toAbsolutePath());
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String relative, String text) {
        try {
            Files.writeString(root().resolve(relative), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
