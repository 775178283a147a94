package dev.starshop.platform;

import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Micronaut's class-path resource loader, except that a resource inside the engine's jar
 * ({@code jar:file:/…/starshop.jar!/application.yml}) is read through the jar the class loader
 * already has open. Micronaut 4.10's loader opens the jar as a zip file system to ask whether the
 * entry is a directory, which reads and indexes the jar's whole central directory (23,000 entries)
 * again on every call; reading {@code application.yml} that way cost the start a zip file system of
 * its own (docs/performance.md, "Start-up decisions"). Anything else (a directory, a file on disk, a
 * jar inside a jar, a path with {@code ../}) goes to Micronaut's loader unchanged.
 */
final class JarEntryResourceLoader extends DefaultClassPathResourceLoader {

    JarEntryResourceLoader(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    public Optional<InputStream> getResourceAsStream(String path) {
        if (path.startsWith("/") || path.contains("..")) {
            return super.getResourceAsStream(path);
        }
        URL url = getClassLoader().getResource(path);
        if (url == null || !isEntryOfJarFile(url)) {
            return super.getResourceAsStream(path);
        }
        try {
            return read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + url, e);
        }
    }

    /** {@code jar:file:/app.jar!/entry}: an entry of a jar on disk, not of a jar nested in another. */
    private static boolean isEntryOfJarFile(URL url) {
        String file = url.getFile();
        int separator = file.indexOf("!/");
        return "jar".equals(url.getProtocol()) && file.startsWith("file:") && separator != -1
                && file.indexOf("!/", separator + 2) == -1;
    }

    private static Optional<InputStream> read(URL url) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        // Not kept in the jar protocol's cache: closing this JarFile closes only this handle; the
        // class loader's own handle (and the index both share) stays open.
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            JarEntry entry = connection.getJarEntry();
            if (entry == null || entry.isDirectory()) {
                return Optional.empty();
            }
            try (InputStream input = jar.getInputStream(entry)) {
                return Optional.of(new ByteArrayInputStream(input.readAllBytes()));
            }
        }
    }
}
