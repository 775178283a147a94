package dev.starshop.platform.db;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code :name} parser: what becomes a {@code ?}, what is left alone, and what fails. */
class NamedSqlTest {

    @Test
    void namesBecomeQuestionMarksInOrder() {
        NamedSql sql = NamedSql.parse("SELECT id FROM orders WHERE buyer_id = :buyerId AND status = :status LIMIT :limit");
        assertEquals("SELECT id FROM orders WHERE buyer_id = ? AND status = ? LIMIT ?", sql.jdbcSql());
        assertEquals(List.of("buyerId", "status", "limit"), sql.parameters());
    }

    @Test
    void repeatedNamesBindEveryPlaceTheyAppear() {
        NamedSql sql = NamedSql.parse("WHERE (:currency::text IS NULL OR t.currency = :currency) AND x = :x_1");
        assertEquals("WHERE (?::text IS NULL OR t.currency = ?) AND x = ?", sql.jdbcSql());
        assertEquals(List.of("currency", "currency", "x_1"), sql.parameters());
        sql.checkNames(Params.of("currency", null).and("x_1", 1));
    }

    @Test
    void castsAreNotParameters() {
        NamedSql sql = NamedSql.parse("SELECT :payload::jsonb, '{}'::jsonb, x::text[], now()::date FROM t WHERE id = :id");
        assertEquals("SELECT ?::jsonb, '{}'::jsonb, x::text[], now()::date FROM t WHERE id = ?", sql.jdbcSql());
        assertEquals(List.of("payload", "id"), sql.parameters());
    }

    @Test
    void quotedTextIsLeftAlone() {
        String text = "SELECT ':x', 'it''s :y', E'\\':z', \"col:w\", $$ :v $$, $tag$ :u $ $tag$ FROM t WHERE a = :a";
        NamedSql sql = NamedSql.parse(text);
        assertEquals(text.replace(":a", "?"), sql.jdbcSql());
        assertEquals(List.of("a"), sql.parameters());
    }

    @Test
    void commentsAreLeftAlone() {
        String text = """
                -- a :comment with a ' quote
                SELECT /* :block /* nested :x */ still */ 1 FROM t WHERE a = :a -- :trailing""";
        NamedSql sql = NamedSql.parse(text);
        assertEquals(text.replace(":a ", "? "), sql.jdbcSql());
        assertEquals(List.of("a"), sql.parameters());
    }

    @Test
    void positionalDollarParametersAreNotDollarQuotes() {
        NamedSql sql = NamedSql.parse("SELECT $1, a$b$ FROM t WHERE a = :a");
        assertEquals(List.of("a"), sql.parameters());
    }

    @Test
    void aMissingValueFailsAndNamesIt() {
        NamedSql sql = NamedSql.parse("UPDATE t SET a = :a WHERE id = :id");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> sql.checkNames(Params.of("a", 1)));
        assertTrue(failure.getMessage().contains("no value for [:id]"), failure.getMessage());
        assertTrue(failure.getMessage().contains("UPDATE t SET a = :a"), failure.getMessage());
    }

    @Test
    void anUnusedValueFailsAndNamesIt() {
        NamedSql sql = NamedSql.parse("SELECT 1 FROM t WHERE id = :id");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> sql.checkNames(Params.of("id", 1).and("typo", 2)));
        assertTrue(failure.getMessage().contains("values no parameter uses: [:typo]"), failure.getMessage());
    }

    @Test
    void aNameInsideAStringIsNotAParameterSoItsValueIsUnused() {
        NamedSql sql = NamedSql.parse("SELECT ':id' FROM t");
        assertThrows(IllegalArgumentException.class, () -> sql.checkNames(Params.of("id", 1)));
        sql.checkNames(Params.none());
    }

    @Test
    void aValueGivenTwiceFails() {
        assertThrows(IllegalArgumentException.class, () -> Params.of("id", 1).and("id", 2));
        assertThrows(IllegalArgumentException.class, () -> Params.of("not a name", 1));
    }

    @Test
    void aBarePositionalParameterFails() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> NamedSql.parse("SELECT 1 FROM t WHERE id = ? AND a = :a"));
        assertTrue(failure.getMessage().contains("positional ?"), failure.getMessage());
        assertEquals("SELECT payload ?? 'k' FROM t", NamedSql.parse("SELECT payload ?? 'k' FROM t").jdbcSql());
        assertEquals("SELECT '?' FROM t", NamedSql.parse("SELECT '?' FROM t").jdbcSql());
    }

    @Test
    void unterminatedQuotesAndCommentsFail() {
        assertThrows(IllegalArgumentException.class, () -> NamedSql.parse("SELECT 'open FROM t WHERE a = :a"));
        assertThrows(IllegalArgumentException.class, () -> NamedSql.parse("SELECT \"open FROM t"));
        assertThrows(IllegalArgumentException.class, () -> NamedSql.parse("SELECT /* open /* nested */ :a"));
        assertThrows(IllegalArgumentException.class, () -> NamedSql.parse("SELECT $x$ open"));
        assertThrows(IllegalArgumentException.class, () -> NamedSql.parse("SELECT E'\\' :a"));
    }

    @Test
    void aColonNotFollowedByANameIsText() {
        String text = "SELECT a[1:2], ':', x : y, 5:: int FROM t";
        NamedSql sql = NamedSql.parse(text);
        assertEquals(text, sql.jdbcSql());
        assertEquals(List.of(), sql.parameters());
    }

    @Test
    void valuesBindAtEveryPositionOfTheirName() throws Exception {
        List<String> calls = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + args[0] + "=" + args[1]);
                    return null;
                });
        Instant at = Instant.parse("2026-01-31T23:30:00Z");
        NamedSql.parse("SELECT :c::text IS NULL OR currency = :c, :at, :kind, :n, :none")
                .bind(statement, Params.of("c", "XTR").and("at", at).and("kind", ChronoUnit.DAYS).and("n", 7L)
                        .and("none", null));
        assertEquals(List.of("setString1=XTR", "setString2=XTR", "setObject3=2026-01-31 23:30:00+00",
                "setString4=DAYS", "setLong5=7", "setNull6=" + Types.NULL), calls);
    }
}
