package dev.starshop.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resources in the engine's jar are read as the jar's entries, with the answers Micronaut's own loader gives. */
class JarEntryResourceLoaderTest {

    @Test
    void aFileInTheJarIsReadWhole(@TempDir Path dir) throws IOException {
        try (URLClassLoader jar = jarWith(dir, "application.yml", "starshop:\n  http:\n    max-body-size: 1234\n")) {
            assertEquals("starshop:\n  http:\n    max-body-size: 1234\n",
                    text(new JarEntryResourceLoader(jar).getResourceAsStream("application.yml")));
        }
    }

    @Test
    void aDirectoryOrAMissingEntryIsNoResource(@TempDir Path dir) throws IOException {
        try (URLClassLoader jar = jarWith(dir, "webapp/app/index.js", "ok")) {
            JarEntryResourceLoader loader = new JarEntryResourceLoader(jar);
            assertEquals(Optional.empty(), loader.getResourceAsStream("webapp/app/"));
            assertEquals(Optional.empty(), loader.getResourceAsStream("webapp/app/missing.js"));
            assertEquals("ok", text(loader.getResourceAsStream("webapp/app/index.js")));
        }
    }

    @Test
    void aFileOnDiskAndARelativePathAreMicronautsAnswer(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("application.yml"), "a: 1\n");
        try (URLClassLoader onDisk = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            JarEntryResourceLoader loader = new JarEntryResourceLoader(onDisk);
            assertEquals("a: 1\n", text(loader.getResourceAsStream("application.yml")));
            assertEquals(Optional.empty(), loader.getResourceAsStream("../classes/application.yml"));
        }
    }

    @Test
    void theEnginesConfigurationIsReadThroughIt() {
        HeadStartMicronaut micronaut = new HeadStartMicronaut();
        micronaut.environments(Environment.TEST);
        assertInstanceOf(JarEntryResourceLoader.class, micronaut.getResourceLoader());
        try (ApplicationContext context = new DefaultApplicationContext(micronaut)) {
            Environment environment = context.getEnvironment().start();
            // application.yml's own value: the configuration came through the loader
            assertEquals(Optional.of(65536), environment.getProperty("starshop.http.max-body-size", Integer.class));
        }
    }

    private static URLClassLoader jarWith(Path dir, String entry, String content) throws IOException {
        Path jar = dir.resolve("engine.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            String parent = entry.substring(0, entry.lastIndexOf('/') + 1);
            for (int slash = parent.indexOf('/'); slash != -1; slash = parent.indexOf('/', slash + 1)) {
                out.putNextEntry(new JarEntry(parent.substring(0, slash + 1)));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    private static String text(Optional<InputStream> resource) throws IOException {
        assertTrue(resource.isPresent(), "no resource");
        try (InputStream input = resource.get()) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
