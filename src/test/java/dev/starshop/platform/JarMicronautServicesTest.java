package dev.starshop.platform;

import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services listed from the jar are Micronaut's own walk over it: the same classes, in the same order. */
class JarMicronautServicesTest {

    private static final List<String> ENTRIES = List.of(
            "META-INF/", "META-INF/MANIFEST.MF", "META-INF/micronaut/",
            "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/",
            "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/a.B$Definition$Reference",
            "META-INF/micronaut/io.micronaut.core.beans.BeanIntrospectionReference/x.Y$Introspection",
            "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/c.D$Definition$Reference",
            "dev/starshop/Other.class",
            "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/e.F$Definition$Reference",
            "META-INF/micronaut/io.micronaut.core.beans.BeanIntrospectionReference/z.W$Introspection",
            "META-INF/services/java.lang.Runnable");

    @Test
    void listsWhatMicronautsWalkFindsInItsOrder(@TempDir Path dir) throws IOException {
        Path jarPath = jar(dir, ENTRIES);
        Map<String, List<String>> walked = new LinkedHashMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, null)) {
            MicronautMetaServiceLoaderUtils.findAllMicronautMetaServices(loader)
                    .forEach((service, classes) -> walked.put(service, new ArrayList<>(classes)));
        }
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Map<String, List<String>> listed = new LinkedHashMap<>();
            JarMicronautServices.servicesOf(jar).forEach((service, classes) -> listed.put(service, new ArrayList<>(classes)));
            assertEquals(List.copyOf(walked.keySet()), List.copyOf(listed.keySet()));
            assertEquals(walked, listed);
            assertEquals(List.of("e.F$Definition$Reference", "c.D$Definition$Reference", "a.B$Definition$Reference"),
                    listed.get("io.micronaut.inject.BeanDefinitionReference"));
        }
    }

    @Test
    void onlyAClassPathWithOneJarOfServicesIsListed(@TempDir Path dir) throws IOException {
        Path jarPath = jar(dir, ENTRIES);
        try (URLClassLoader one = new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, null)) {
            Optional<JarFile> jar = JarMicronautServices.singleJar(one);
            assertTrue(jar.isPresent());
            assertEquals(jarPath.toFile().getCanonicalPath(), new java.io.File(jar.get().getName()).getCanonicalPath());
        }
        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference"));
        Files.writeString(classes.resolve("g.H$Definition$Reference"), "");
        try (URLClassLoader two = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL(),
                jarPath.toUri().toURL()}, null)) {
            assertEquals(Optional.empty(), JarMicronautServices.singleJar(two));
        }
        assertEquals(Optional.empty(), JarMicronautServices.singleJar(getClass().getClassLoader()),
                "the tests' class path (class folders and jars) keeps Micronaut's walk");
    }

    @Test
    void micronautUsesTheListInsteadOfWalking(@TempDir Path dir) throws IOException {
        Path jarPath = jar(dir, ENTRIES);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, null)) {
            assertTrue(JarMicronautServices.remember(loader, Map.of("only.Listed", Set.of("not.in.the.Jar"))),
                    "Micronaut's cache of its walk has the shape this engine fills (a Micronaut upgrade may change it)");
            assertEquals(Set.of("not.in.the.Jar"), MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(loader,
                    "only.Listed"));
            assertEquals(Set.of(), MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(loader,
                    "io.micronaut.inject.BeanDefinitionReference"));
        }
    }

    private static Path jar(Path dir, List<String> entries) throws IOException {
        Path path = dir.resolve("engine.jar");
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.closeEntry();
            }
        }
        return path;
    }
}
