package dev.starshop.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ways one path can be spelled on the wire and still mean — to some router, proxy or filter —
 * the same route: a trailing slash, a query, doubled slashes, dot segments, an encoded slash or
 * letter, a matrix parameter, other letter case. A guard bound to a path string misses some of
 * them; a guard bound to the route misses none. See docs/security.md.
 */
public final class PathSpellings {

    /** The HTTP methods every spelling is tried with. */
    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private PathSpellings() {
    }

    /** {@code path} (absolute, no query) and its other spellings, in a stable order. */
    public static Set<String> of(String path) {
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        String rest = second < 0 ? "" : path.substring(second);
        Set<String> spellings = new LinkedHashSet<>(List.of(
                path,
                path + "/",
                path + "?a=1",
                path + "/?a=1",
                "/" + path,
                path.replace("/", "//"),
                first + "/" + rest,
                first + "/." + rest,
                first + "/x/.." + rest,
                path + "/.",
                path + "%2F",
                path.replace("/", "%2F").replaceFirst("^%2F", "/"),
                path + ";a=1",
                first + ";a=1" + rest,
                path.toUpperCase(Locale.ROOT),
                encodeFirstLetter(path),
                path + "%00",
                path + "#x"));
        spellings.removeIf(String::isEmpty);
        return spellings;
    }

    private static String encodeFirstLetter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                return path.substring(0, i) + "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + path.substring(i + 1);
            }
        }
        return path;
    }
}
