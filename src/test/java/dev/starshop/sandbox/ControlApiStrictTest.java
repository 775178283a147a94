package dev.starshop.sandbox;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every control endpoint with a body, tried with a misspelt field, a missing field, a wrong JSON
 * type and an absurd value: each is 400 with a problem document naming the field, and the emulator
 * is exactly as it was.
 */
@MicronautTest
class ControlApiStrictTest {

    private static final long ALICE = 100001;
    private static final String MALFORMED = "malformed-request";
    private static final String LIMIT = "sandbox-limit";
    private static final String FAULTS_OK = "\"reorderAcrossUsers\":false,\"reorderWindowMillis\":0,"
            + "\"dropResponses\":0,\"answerDelayMillis\":0,\"deliveryDelayMillis\":0";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials credentials;

    @Inject
    SandboxTelegram sandbox;

    String slug;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        String link = (String) new BotApiClient(http, credentials.token())
                .call("createInvoiceLink", BotApiSurfaceTest.starsInvoice()).result();
        slug = link.substring(link.indexOf('$') + 1);
    }

    static Stream<Arguments> refused() {
        String balance = "PUT /sandbox/api/users/100001/balance";
        String users = "POST /sandbox/api/users";
        String messages = "POST /sandbox/api/users/100001/messages";
        String pay = "POST /sandbox/api/invoices/{slug}/pay";
        String faults = "PUT /sandbox/api/faults";
        String rateLimit = "POST /sandbox/api/faults/rate-limit";
        String serverErrors = "POST /sandbox/api/faults/server-errors";
        String held = "POST /sandbox/api/faults/held-answers";
        String user = "\"id\":100077,\"firstName\":\"Eve\",\"languageCode\":\"en\"";
        return Stream.of(
                Arguments.of(balance, "{\"balance\":10000000}", MALFORMED, "balance"),
                Arguments.of(balance, "{}", MALFORMED, "starBalance"),
                Arguments.of(balance, "{\"starBalance\":\"42\"}", MALFORMED, "starBalance"),
                Arguments.of(balance, "{\"starBalance\":4.5}", MALFORMED, "starBalance"),
                Arguments.of(balance, "{\"starBalance\":-5}", LIMIT, "starBalance"),
                Arguments.of(balance, "{\"starBalance\":99999999999999999999}", LIMIT, "starBalance"),
                Arguments.of(balance, "[42]", MALFORMED, "object"),
                Arguments.of(users, "{" + user + ",\"starBalance\":10,\"stars\":5}", MALFORMED, "stars"),
                Arguments.of(users, "{" + user + "}", MALFORMED, "starBalance"),
                Arguments.of(users, "{\"id\":\"100077\",\"firstName\":\"Eve\",\"languageCode\":\"en\",\"starBalance\":1}",
                        MALFORMED, "id"),
                Arguments.of(users, "{" + user + ",\"starBalance\":-1}", LIMIT, "starBalance"),
                Arguments.of(messages, "{\"message\":\"hi\"}", MALFORMED, "message"),
                Arguments.of(messages, "{}", MALFORMED, "text"),
                Arguments.of(messages, "{\"text\":42}", MALFORMED, "text"),
                Arguments.of(messages, "{\"text\":\"" + "x".repeat(4097) + "\"}", LIMIT, "text"),
                Arguments.of(pay, "{\"user\":100001}", MALFORMED, "user"),
                Arguments.of(pay, "{\"method\":\"stars\"}", MALFORMED, "userId"),
                Arguments.of(pay, "{\"userId\":\"100001\"}", MALFORMED, "userId"),
                Arguments.of(pay, "{\"userId\":100001,\"cancel\":\"yes\"}", MALFORMED, "cancel"),
                Arguments.of(pay, "{\"userId\":100001,\"method\":\"cash\"}", MALFORMED, "method"),
                Arguments.of(pay, "{\"userId\":100001,\"shippingAddress\":{\"planet\":\"Mars\"}}", MALFORMED, "planet"),
                Arguments.of(pay, "{\"userId\":100001,\"tipAmount\":-1}", LIMIT, "tipAmount"),
                Arguments.of(faults, "{\"duplicates\":3," + FAULTS_OK + "}", MALFORMED, "duplicates"),
                Arguments.of(faults, "{" + FAULTS_OK + "}", MALFORMED, "duplicateDeliveries"),
                Arguments.of(faults, "{\"duplicateDeliveries\":\"3\"," + FAULTS_OK + "}", MALFORMED, "duplicateDeliveries"),
                Arguments.of(faults, "{\"duplicateDeliveries\":11," + FAULTS_OK + "}", LIMIT, "duplicateDeliveries"),
                Arguments.of(faults, "{\"duplicateDeliveries\":1," + FAULTS_OK.replace("\"answerDelayMillis\":0",
                        "\"answerDelayMillis\":30001") + "}", LIMIT, "answerDelayMillis"),
                Arguments.of(faults, "{\"duplicateDeliveries\":1," + FAULTS_OK.replace("\"dropResponses\":0",
                        "\"dropResponses\":-1") + "}", LIMIT, "dropResponses"),
                Arguments.of(rateLimit, "{\"method\":\"getMe\",\"count\":1,\"retryAfter\":1}", MALFORMED, "count"),
                Arguments.of(rateLimit, "{\"method\":\"getMe\",\"calls\":1}", MALFORMED, "retryAfter"),
                Arguments.of(rateLimit, "{\"method\":\"getMe\",\"calls\":true,\"retryAfter\":1}", MALFORMED, "calls"),
                Arguments.of(rateLimit, "{\"method\":\"getMe\",\"calls\":-1,\"retryAfter\":1}", LIMIT, "calls"),
                Arguments.of(rateLimit, "{\"method\":\"getMe\",\"calls\":1,\"retryAfter\":3601}", LIMIT, "retryAfter"),
                Arguments.of(serverErrors, "{\"name\":\"getMe\",\"calls\":1}", MALFORMED, "name"),
                Arguments.of(serverErrors, "{\"calls\":1}", MALFORMED, "method"),
                Arguments.of(serverErrors, "{\"method\":7,\"calls\":1}", MALFORMED, "method"),
                Arguments.of(serverErrors, "{\"method\":\"getMe\",\"calls\":1000000}", LIMIT, "calls"),
                Arguments.of(held, "{\"method\":\"getMe\",\"calls\":1,\"holdMs\":100}", MALFORMED, "holdMs"),
                Arguments.of(held, "{\"method\":\"getMe\",\"holdMillis\":100}", MALFORMED, "calls"),
                Arguments.of(held, "{\"method\":\"getMe\",\"calls\":1,\"holdMillis\":\"100\"}", MALFORMED, "holdMillis"),
                Arguments.of(held, "{\"method\":\"getMe\",\"calls\":1,\"holdMillis\":3600000}", LIMIT, "holdMillis"));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("refused")
    void aRequestTheEmulatorDidNotUnderstandIs400AndChangesNothing(String endpoint, String body, String code,
                                                                   String named) {
        Object before = state();

        Reply reply = send(endpoint, body);

        assertEquals(400, reply.code(), () -> String.valueOf(reply.body()));
        assertEquals("application/problem+json", reply.contentType());
        Map<String, Object> problem = reply.body();
        assertEquals(code, problem.get("code"));
        assertTrue(String.valueOf(problem.get("detail")).contains(named), () -> "detail names " + named + ": " + problem);
        assertEquals(before, state());
        assertNull(sandbox.faults().takeRateLimit("getMe"));
        assertFalse(sandbox.faults().takeServerError("getMe"));
        assertEquals(0, sandbox.faults().takeHold("getMe"));
    }

    /** The bug this closes: a misspelt field once set Alice's balance to 0. */
    @Test
    void aMisspeltBalanceLeavesTheBalanceAlone() {
        long before = sandbox.user(ALICE).orElseThrow().starBalance();

        assertEquals(400, send("PUT /sandbox/api/users/100001/balance", "{\"balance\":10000000}").code());

        assertEquals(before, sandbox.user(ALICE).orElseThrow().starBalance());
    }

    @Test
    void wellFormedRequestsStillWork() {
        assertEquals(200, send("PUT /sandbox/api/users/100001/balance", "{\"starBalance\":77}").code());
        assertEquals(77, sandbox.user(ALICE).orElseThrow().starBalance());
        assertEquals(200, send("PUT /sandbox/api/faults", "{\"duplicateDeliveries\":10," + FAULTS_OK + "}").code());
        assertEquals(10, sandbox.faults().current().duplicateDeliveries());
        assertEquals(204, send("POST /sandbox/api/faults/held-answers",
                "{\"method\":\"getMe\",\"calls\":1,\"holdMillis\":30000}").code());
        assertEquals(30000, sandbox.faults().takeHold("getMe"));
        assertEquals(200, send("POST /sandbox/api/invoices/{slug}/pay",
                "{\"userId\":100001,\"method\":null,\"tipAmount\":null,\"shippingAddress\":null,\"cancel\":true}").code());
    }

    private Object state() {
        return List.of(sandbox.users(), sandbox.faults().current(), sandbox.messages(ALICE), sandbox.updates().size(),
                sandbox.invoice(slug).isPresent());
    }

    record Reply(int code, String contentType, Map<String, Object> body) {
    }

    private Reply send(String endpoint, String body) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{slug}", slug);
        MutableHttpRequest<String> request = (parts[0].equals("PUT") ? HttpRequest.PUT(path, body)
                : HttpRequest.POST(path, body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        HttpResponse<?> response;
        try {
            response = http.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        return new Reply(response.code(), response.getContentType().map(MediaType::toString).orElse(null),
                response.getBody(Argument.mapOf(String.class, Object.class)).orElse(null));
    }
}
