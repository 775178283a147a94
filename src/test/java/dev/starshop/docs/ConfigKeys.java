package dev.starshop.docs;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code starshop.*} keys the engine reads, found in its source the way Micronaut finds them:
 * placeholders ({@code @Value("${starshop.x:default}")}, {@code @Scheduled(fixedDelay = "${...}")}),
 * {@code @Requires(property = ...)} and {@code missingProperty}, {@code @Property(name = ...)},
 * {@code getProperty("...")}, and each {@code @ConfigurationProperties("starshop.x")} record's prefix
 * joined to its components in kebab case. A configuration type this scanner cannot read (a class
 * with setters, an inner type, {@code @EachProperty}) fails loudly instead of being skipped.
 */
final class ConfigKeys {

    private static final String KEY = "(starshop\\.[a-z0-9][a-z0-9.\\-]*[a-z0-9])";
    private static final List<Pattern> LITERAL_KEYS = List.of(
            Pattern.compile("\\$\\{\\s*" + KEY + "\\s*[:}]"),
            Pattern.compile("\\b(?:property|missingProperty)\\s*=\\s*\"" + KEY + "\""),
            Pattern.compile("@Property\\s*\\(\\s*name\\s*=\\s*\"" + KEY + "\""),
            Pattern.compile("\\b(?:getProperty|getRequiredProperty|containsProperty)\\s*\\(\\s*\"" + KEY + "\""));
    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"\\s*\\)");
    private static final Pattern UNSUPPORTED = Pattern.compile("@EachProperty\\s*\\(\\s*(?:value\\s*=\\s*)?\"starshop");
    private static final Pattern RECORD_HEADER = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+\\w+");

    private ConfigKeys() {
    }

    /** Every key, each with the source files that read it (relative to the project directory). */
    static Map<String, Set<String>> inSources(Path root) {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Path file : javaFiles(root.resolve("src/main/java"))) {
            String source = readString(file);
            String where = root.relativize(file).toString();
            for (String key : keysIn(source, where)) {
                keys.computeIfAbsent(key, k -> new TreeSet<>()).add(where);
            }
        }
        return keys;
    }

    /** The keys one Java source file reads. */
    static Set<String> keysIn(String source, String where) {
        Set<String> keys = new TreeSet<>();
        for (Pattern pattern : LITERAL_KEYS) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        if (UNSUPPORTED.matcher(source).find()) {
            throw new IllegalStateException(where + ": @EachProperty is not understood by " + ConfigKeys.class
                    .getSimpleName() + "; teach it before adding one");
        }
        Matcher annotation = CONFIGURATION_PROPERTIES.matcher(source);
        while (annotation.find()) {
            String prefix = annotation.group(1);
            if (!prefix.startsWith("starshop.")) {
                continue;
            }
            keys.addAll(recordKeys(prefix, source, annotation.start(), annotation.end(), where));
        }
        return keys;
    }

    /** The prefix joined to each component of the record the annotation sits on. */
    private static List<String> recordKeys(String prefix, String source, int at, int from, String where) {
        Matcher type = TYPE_DECLARATION.matcher(source);
        Matcher header = RECORD_HEADER.matcher(source);
        if (!type.find(from) || !header.find(from) || header.start() != type.start()) {
            throw new IllegalStateException(where + ": @ConfigurationProperties(\"" + prefix + "\") is not on a "
                    + "record; " + ConfigKeys.class.getSimpleName() + " reads record components only");
        }
        int lineStart = source.lastIndexOf('\n', at) + 1;
        if (!source.startsWith("@ConfigurationProperties", lineStart)) {
            throw new IllegalStateException(where + ": @ConfigurationProperties(\"" + prefix + "\") on a nested "
                    + "type (indented) inherits the outer prefix; " + ConfigKeys.class.getSimpleName() + " does not handle that");
        }
        String components = balanced(source, header.end() - 1);
        List<String> keys = new ArrayList<>();
        for (String component : splitTopLevel(components)) {
            String name = componentName(component);
            if (!name.isEmpty()) {
                keys.add(prefix + "." + kebab(name));
            }
        }
        return keys;
    }

    /** The text between the parenthesis at {@code open} and its match, strings respected. */
    static String balanced(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("Unbalanced parentheses after offset " + open);
    }

    /** Splits at commas outside parentheses, generics and strings. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '<' || c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '>' || c == '}' || c == ']')) {
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The last identifier of a component once its annotations (with their arguments) are removed. */
    static String componentName(String component) {
        StringBuilder rest = new StringBuilder();
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            if (c == '@') {
                int j = i + 1;
                while (j < component.length()
                        && (Character.isJavaIdentifierPart(component.charAt(j)) || component.charAt(j) == '.')) {
                    j++;
                }
                int k = j;
                while (k < component.length() && Character.isWhitespace(component.charAt(k))) {
                    k++;
                }
                i = k < component.length() && component.charAt(k) == '('
                        ? k + balanced(component, k).length() + 2 : j;
            } else {
                rest.append(c);
                i++;
            }
        }
        String[] words = rest.toString().strip().split("[^A-Za-z0-9_$]+");
        return words.length == 0 ? "" : words[words.length - 1];
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The environment variable Micronaut maps onto a key: upper case, '.' and '-' as '_'. */
    static String environmentVariable(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The leaf keys under {@code starshop:} in a YAML file, dotted. */
    static Set<String> inYaml(String yaml) {
        Object tree = new Yaml().load(yaml);
        Set<String> keys = new TreeSet<>();
        if (tree instanceof Map<?, ?> top && top.get("starshop") != null) {
            flatten("starshop", top.get("starshop"), keys);
        }
        return keys;
    }

    private static void flatten(String path, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((name, child) -> flatten(path + "." + name, child, into));
        } else {
            into.add(path);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
