package dev.starshop.platform.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement written with {@code :name} parameters, turned into the {@code ?} form JDBC sends. A name
 * is a letter or {@code _} and then letters, digits or {@code _}; it may appear several times.
 * Left as they are: {@code ::type} casts, string literals ({@code '…'}, {@code E'…'}, {@code $tag$…$tag$}),
 * quoted identifiers and comments ({@code --}, nested {@code /* … *}{@code /}). A bare {@code ?} is refused
 * (a half-converted statement); write {@code ??} for PostgreSQL's jsonb operator. An array slice must
 * not be written {@code a[1:n]}: {@code :n} would be a parameter (write {@code a[1 : n]}).
 *
 * <p>Binding is strict: a name without a value, or a value no name uses, fails before anything is sent.
 */
public final class NamedSql {

    /** Parsed statements by their text; the repositories' statements are a few hundred at most. */
    private static final Map<String, NamedSql> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 1_000;

    private final String namedSql;
    private final String jdbcSql;
    private final List<String> parameters;
    private final List<String> distinctNames;

    private NamedSql(String namedSql, String jdbcSql, List<String> parameters) {
        this.namedSql = namedSql;
        this.jdbcSql = jdbcSql;
        this.parameters = List.copyOf(parameters);
        this.distinctNames = List.copyOf(new LinkedHashSet<>(parameters));
    }

    /** The statement parsed once (and remembered); fails on a malformed statement, naming it. */
    public static NamedSql parse(String sql) {
        NamedSql parsed = PARSED.get(sql);
        if (parsed == null) {
            parsed = new Parser(sql).parse();
            if (PARSED.size() < MAX_CACHED) {
                PARSED.put(sql, parsed);
            }
        }
        return parsed;
    }

    /** The statement as written, with its {@code :name}s. */
    public String namedSql() {
        return namedSql;
    }

    /** The statement for {@code prepareStatement}: each {@code :name} replaced by {@code ?}. */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** The parameter names in the order of the {@code ?} they became (repeated names repeat). */
    public List<String> parameters() {
        return parameters;
    }

    /** Binds every {@code ?} of {@link #jdbcSql()} from {@code params}. */
    public void bind(PreparedStatement statement, Params params) throws SQLException {
        checkNames(params);
        for (int i = 0; i < parameters.size(); i++) {
            params.bind(statement, i + 1, parameters.get(i));
        }
    }

    /**
     * Fails unless {@code params} has a value for each name and each value has a name. Runs on every
     * statement, so the passing case allocates nothing: the values' names are distinct, so as many
     * of them as the statement has names, each found, means the same set.
     */
    void checkNames(Params params) {
        if (params.size() == distinctNames.size() && hasAll(params)) {
            return;
        }
        Set<String> used = new LinkedHashSet<>(distinctNames);
        List<String> missing = used.stream().filter(name -> !params.has(name)).map(name -> ":" + name).toList();
        List<String> unused = params.names().stream().filter(name -> !used.contains(name))
                .map(name -> ":" + name).toList();
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException((missing.isEmpty() ? "" : "no value for " + missing + "; ")
                    + (unused.isEmpty() ? "" : "values no parameter uses: " + unused + "; ") + "in: " + namedSql);
        }
    }

    private boolean hasAll(Params params) {
        for (int i = 0; i < distinctNames.size(); i++) {
            if (!params.has(distinctNames.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** One pass over the text, copying it and replacing each parameter by {@code ?}. */
    private static final class Parser {

        private final String sql;
        private final StringBuilder out;
        private final List<String> names = new ArrayList<>();
        private int at;

        Parser(String sql) {
            this.sql = sql;
            this.out = new StringBuilder(sql.length());
        }

        NamedSql parse() {
            while (at < sql.length()) {
                char c = sql.charAt(at);
                String tag = c == '$' ? dollarTag() : null;
                if (c == '\'') {
                    skipQuoted('\'', isEscapeString());
                } else if (c == '"') {
                    skipQuoted('"', false);
                } else if (c == '-' && next() == '-') {
                    skipTo("\n", true);
                } else if (c == '/' && next() == '*') {
                    skipBlockComment();
                } else if (tag != null) {
                    copy(tag.length());
                    skipTo(tag, false);
                } else if (c == ':' && next() == ':') {
                    copy(2);
                } else if (c == ':' && isNameStart(next())) {
                    parameter();
                } else if (c == '?' && next() == '?') {
                    copy(2);
                } else if (c == '?') {
                    throw malformed("a positional ? (use :name parameters; ?? for the jsonb operator)");
                } else {
                    copy(1);
                }
            }
            return new NamedSql(sql, out.toString(), names);
        }

        private void parameter() {
            int start = at + 1;
            int end = start;
            while (end < sql.length() && isNamePart(sql.charAt(end))) {
                end++;
            }
            names.add(sql.substring(start, end));
            out.append('?');
            at = end;
        }

        /** {@code E'…'}: backslash escapes apply; the E must start a token, not end an identifier. */
        private boolean isEscapeString() {
            if (at == 0 || Character.toUpperCase(sql.charAt(at - 1)) != 'E') {
                return false;
            }
            return at == 1 || !isNamePart(sql.charAt(at - 2));
        }

        /** A quoted string or identifier; a doubled quote is one quote, and so is {@code \'} in an E-string. */
        private void skipQuoted(char quote, boolean backslashEscapes) {
            int i = at + 1;
            while (true) {
                if (i >= sql.length()) {
                    throw malformed("an unterminated " + (quote == '"' ? "quoted identifier" : "string literal"));
                }
                char c = sql.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else if (c == quote) {
                    break;
                } else {
                    i++;
                }
            }
            copy(i + 1 - at);
        }

        /** Copies through {@code end} (included); a line comment may also end with the text. */
        private void skipTo(String end, boolean endOfTextEnds) {
            int found = sql.indexOf(end, at);
            if (found < 0 && !endOfTextEnds) {
                throw malformed("an unterminated dollar-quoted string " + end);
            }
            copy((found < 0 ? sql.length() : found + end.length()) - at);
        }

        /** PostgreSQL's block comments nest. */
        private void skipBlockComment() {
            int depth = 0;
            int i = at;
            do {
                if (i + 1 >= sql.length()) {
                    throw malformed("an unterminated /* comment");
                }
                if (sql.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else if (sql.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                } else {
                    i++;
                }
            } while (depth > 0);
            copy(i - at);
        }

        /** {@code $$} or {@code $tag$} at the current position, or null ({@code $1} is not a tag). */
        private String dollarTag() {
            if (at > 0 && isNamePart(sql.charAt(at - 1))) {
                return null;
            }
            int i = at + 1;
            while (i < sql.length() && isNamePart(sql.charAt(i))) {
                i++;
            }
            boolean tagged = i > at + 1;
            if (i >= sql.length() || sql.charAt(i) != '$' || (tagged && !isNameStart(sql.charAt(at + 1)))) {
                return null;
            }
            return sql.substring(at, i + 1);
        }

        private char next() {
            return at + 1 < sql.length() ? sql.charAt(at + 1) : 0;
        }

        private void copy(int length) {
            out.append(sql, at, at + length);
            at += length;
        }

        private IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException("SQL with " + what + " at offset " + at + ": " + sql);
        }

        private static boolean isNameStart(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || (c >= '0' && c <= '9');
        }
    }
}
