package dev.starshop.platform;

import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Micronaut's own services ({@code META-INF/micronaut/<service>/<class>}: the bean definitions and
 * introspections) listed from the engine jar's entries, the jar the class loader already holds open.
 * Micronaut 4.10 finds them by opening the jar as a zip file system and walking that folder, which
 * reads and indexes the whole central directory (23,000 entries) a second time: about 8 MB of
 * allocation and a tenth of the main thread's Java time before the first healthy answer on Java 17
 * (docs/performance.md, "Start-up decisions", round 8).
 *
 * <p>The list is exactly what Micronaut's walk returns (the same service names and classes, in the same
 * order: a zip file system lists a folder last entry first) and goes where Micronaut keeps that walk's
 * result for the class loader ({@code MicronautMetaServiceLoaderUtils}' cache), so everything after it is
 * Micronaut's code as before: the classes are created and every bean's requirements evaluated at run time.
 * It is installed only when all {@code META-INF/micronaut/} folders on the class path are in one jar (the
 * packaged engine) and Micronaut's cache has the expected shape; otherwise (tests, an IDE, another Micronaut
 * version) Micronaut walks the folders itself, as before.
 */
public final class JarMicronautServices {

    static final String FOLDER = "META-INF/micronaut/";

    private JarMicronautServices() {
    }

    /** To be called before Micronaut loads any service (first thing in {@code main}); true if installed. */
    public static boolean install(ClassLoader classLoader) {
        Optional<JarFile> jar = singleJar(classLoader);
        return jar.isPresent() && remember(classLoader, servicesOf(jar.get()));
    }

    /** The jar holding {@code META-INF/micronaut/}, when it is the only place on the class path that does. */
    static Optional<JarFile> singleJar(ClassLoader classLoader) {
        try {
            Enumeration<URL> folders = classLoader.getResources(FOLDER);
            if (!folders.hasMoreElements()) {
                return Optional.empty();
            }
            URL folder = folders.nextElement();
            if (folders.hasMoreElements() || !"jar".equals(folder.getProtocol())
                    || !(folder.openConnection() instanceof JarURLConnection connection)) {
                return Optional.empty();
            }
            connection.setUseCaches(true);
            return Optional.of(connection.getJarFile());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Service name → class names, in the order of Micronaut's walk over a zip file system (last entry first). */
    static Map<String, Set<String>> servicesOf(JarFile jar) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!name.startsWith(FOLDER)) {
                continue;
            }
            String rest = name.substring(FOLDER.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
                continue;
            }
            List<String> classes = found.computeIfAbsent(rest.substring(0, slash), service -> new ArrayList<>());
            if (slash < rest.length() - 1) {
                classes.add(rest.substring(slash + 1));
            }
        }
        Map<String, Set<String>> services = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(found.keySet());
        Collections.reverse(names);
        for (String service : names) {
            List<String> classes = found.get(service);
            Collections.reverse(classes);
            services.put(service, new LinkedHashSet<>(classes));
        }
        return services;
    }

    /**
     * Stores the list where {@code MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries} keeps its walk's
     * result for a class loader (a private field of an internal class: if this Micronaut has none of that shape,
     * nothing is stored and Micronaut walks as before; JarMicronautServicesTest fails then, so that an upgrade
     * notices).
     */
    static boolean remember(ClassLoader classLoader, Map<String, Set<String>> services) {
        try {
            Field cache = MicronautMetaServiceLoaderUtils.class.getDeclaredField("cacheEntry");
            Constructor<?> entry = cache.getType().getDeclaredConstructor(ClassLoader.class, Map.class);
            cache.setAccessible(true);
            entry.setAccessible(true);
            cache.set(null, entry.newInstance(classLoader, services));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
