package dev.starshop.harness;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded bad input at the three doors: webhook bodies with the right secret, initData headers,
 * and API payloads (buyer and admin). Every answer must be what the contract says — 4xx with a
 * problem+json code, or for a well-formed update of an unhandled kind 200 and one inbox row —
 * never a 5xx; and afterwards no table has changed but the inbox, by exactly the acknowledged updates.
 *
 * <pre>
 * mvn -B -q test -Dtest=BadInputFuzzTest                              # 1,000 cases
 * mvn -B -q test -Dtest=BadInputFuzzTest -Dstarshop.harness.scale=full  # 20,000 cases
 * mvn -B -q test -Dtest=BadInputFuzzTest -Dstarshop.harness.seed=42     # replay a seed
 * </pre>
 */
@MicronautTest(transactional = false)
class BadInputFuzzTest {

    private static final int MAX_REPORTED = 25;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    @Inject
    JsonMapper json;

    @Test
    void noBadInputIsAnsweredWith5xxOrWritesAnything() {
        long seed = HarnessScale.seed();
        int cases = HarnessScale.pick(1_000, 20_000);
        System.out.printf("BadInputFuzzTest: %d cases, seed %d (replay with -Dstarshop.harness.seed=%d)%n",
                cases, seed, seed);
        Random random = new Random(seed);
        Junk junk = new Junk(random);
        HarnessShop shop = new HarnessShop(new Api(http), bot.token());
        String sku = shop.product(5);
        Object productBefore = shop.api().admin(HttpRequest.GET("/api/admin/products/" + sku)).body();
        String orderable = "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"currency\":\"XTR\"}";
        long firstUpdateId = 5_000_000_000_000L + (random.nextLong() & 0xFFFF_FFFFL) * 1000;
        WebhookFuzz webhook = new WebhookFuzz(junk, "test-webhook-secret", firstUpdateId);
        InitDataFuzz initData = new InitDataFuzz(junk, bot.token(), orderable);
        ApiFuzz api = new ApiFuzz(junk, shop.buyer(300_000 + random.nextInt(100_000)), Api.ADMIN_TOKEN, sku);
        RawHttp raw = new RawHttp(server.getURI());
        Db db = new Db(dataSource);
        Map<String, Long> before = TableCounts.of(db);

        Tally tally = new Tally();
        for (int i = 0; i < cases; i++) {
            int door = random.nextInt(20);
            FuzzCase fuzz = door < 8 ? webhook.next() : door < 13 ? initData.next() : api.next();
            RawHttp.Answer answer = raw.send(fuzz.method(), fuzz.path(), fuzz.headers(), fuzz.contentType(), fuzz.body());
            tally.record(fuzz, answer, verdict(fuzz, answer));
        }

        System.out.println("BadInputFuzzTest: " + tally);
        Map<String, Long> after = TableCounts.of(db);
        Map<String, String> changed = TableCounts.changes(before, after);
        long inboxGrowth = after.get("telegram_updates") - before.get("telegram_updates");
        changed.remove("telegram_updates");
        String replay = " (seed " + seed + ")";
        assertTrue(tally.failures.isEmpty(), () -> tally.failures.size() + " wrong answers" + replay + ":\n"
                + String.join("\n", tally.failures.subList(0, Math.min(MAX_REPORTED, tally.failures.size()))));
        assertEquals(Map.of(), changed, "tables written by refused requests" + replay);
        assertEquals(tally.acknowledged, inboxGrowth, "one inbox row per acknowledged update, none else" + replay);
        assertEquals(productBefore, shop.api().admin(HttpRequest.GET("/api/admin/products/" + sku)).body(),
                "the product survived the broken updates" + replay);
        assertEquals(200, raw.send("GET", "/health", Map.of(), null, new byte[0]).status());
    }

    /** Null when the answer is what the contract allows, else why not. */
    private String verdict(FuzzCase fuzz, RawHttp.Answer answer) {
        int status = answer.status();
        boolean refused = status >= 400 && status < 500;
        boolean acknowledged = status == 200;
        boolean allowed = switch (fuzz.expect()) {
            case REFUSED -> refused;
            case ACKNOWLEDGED -> acknowledged;
            case ACKNOWLEDGED_OR_REFUSED -> refused || acknowledged;
        };
        if (!allowed) {
            return "status " + status + ", expected " + fuzz.expect() + ": " + abbreviate(answer.body());
        }
        if (refused && !isProblemWithCode(answer)) {
            return "status " + status + " without a problem+json code: " + answer.contentType() + " "
                    + abbreviate(answer.body());
        }
        return null;
    }

    private boolean isProblemWithCode(RawHttp.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            Map<String, Object> problem = json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
            return problem.get("code") instanceof String code && !code.isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Counts by family and status, the acknowledged updates, and the wrong answers. */
    private static final class Tally {
        final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        long acknowledged;

        void record(FuzzCase fuzz, RawHttp.Answer answer, String failure) {
            statuses.computeIfAbsent(fuzz.family(), f -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
            if (fuzz.family().equals("webhook") && answer.status() == 200) {
                acknowledged++;
            }
            if (failure != null) {
                failures.add(fuzz + " → " + failure);
            }
        }

        @Override
        public String toString() {
            return "statuses by door " + statuses + ", webhook updates acknowledged " + acknowledged
                    + ", wrong answers " + failures.size();
        }
    }
}
