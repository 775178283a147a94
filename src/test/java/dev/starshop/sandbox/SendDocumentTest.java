package dev.starshop.sandbox;

import dev.starshop.support.Multipart;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sendDocument in the emulator: upload (multipart), then by file_id, with Telegram's errors. The
 * file limit is lowered to 100 kB here so the over-limit case need not send 50 MB.
 */
@MicronautTest
@Property(name = "starshop.sandbox.max-file-size", value = "100000")
class SendDocumentTest {

    static final long ALICE = 100001L;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    BotCredentials credentials;

    @Inject
    SandboxTelegram sandbox;

    @Inject
    JsonMapper json;

    BotApiClient bot;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        bot = new BotApiClient(http, credentials.token());
    }

    @Test
    void aDocumentIsUploadedThenSentAgainByItsFileId() throws Exception {
        byte[] pdf = ("%PDF-1.7\n" + "x".repeat(60_000)).getBytes(StandardCharsets.US_ASCII);

        Map<String, Object> uploaded = result(upload(new Multipart().field("chat_id", String.valueOf(ALICE))
                .field("caption", "Your e-book").field("protect_content", "true")
                .file("document", "payments.pdf", "application/pdf", pdf)));

        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) uploaded.get("document");
        String fileId = (String) document.get("file_id");
        assertTrue(fileId.startsWith("BQAC"), fileId);
        assertEquals("payments.pdf", document.get("file_name"));
        assertEquals("application/pdf", document.get("mime_type"));
        assertEquals(pdf.length, ((Number) document.get("file_size")).intValue());
        assertEquals("Your e-book", uploaded.get("caption"));
        assertEquals(true, uploaded.get("has_protected_content"));

        BotApiClient.Reply again = bot.call("sendDocument", Map.of("chat_id", ALICE, "document", fileId));
        assertEquals(200, again.status(), String.valueOf(again.body()));
        @SuppressWarnings("unchecked")
        Map<String, Object> resent = (Map<String, Object>) ((Map<String, Object>) again.body()).get("result");
        assertEquals(document, json.readValue(json.writeValueAsString(resent.get("document")),
                Argument.mapOf(String.class, Object.class)));
        assertNull(resent.get("has_protected_content"), "protect_content was not asked for this time");
        assertNotEquals(uploaded.get("message_id"), resent.get("message_id"));

        Map<?, ?> stats = sandbox.retained();
        assertEquals(1, ((Map<?, ?>) stats.get("held")).get("documents"));
        assertEquals(Chats.MAX_DOCUMENTS, ((Map<?, ?>) stats.get("bounds")).get("documents"));

        List<Map<String, Object>> chat = sandbox.messages(ALICE);
        assertEquals(2, chat.size());
        assertEquals(fileId, ((Map<?, ?>) chat.get(1).get("document")).get("file_id"));
    }

    @Test
    void theChatAndTheDocumentsBytesAreReadableForTheHost() throws Exception {
        byte[] pdf = "%PDF-1.7\nthe book".getBytes(StandardCharsets.US_ASCII);
        sandbox.sendAsUser(ALICE, "/start");
        Map<String, Object> sent = result(upload(new Multipart().field("chat_id", String.valueOf(ALICE))
                .file("document", "book one.pdf", "application/pdf", pdf)));
        String fileId = (String) ((Map<?, ?>) sent.get("document")).get("file_id");

        Map<String, Object> chat = json.readValue(get("/sandbox/api/users/" + ALICE + "/chat").body(),
                Argument.mapOf(String.class, Object.class));
        List<?> messages = (List<?>) chat.get("messages");
        assertEquals(2, messages.size(), "the user's text, then the bot's document");
        assertEquals("/start", ((Map<?, ?>) messages.get(0)).get("text"));
        Object firstId = ((Map<?, ?>) messages.get(0)).get("message_id");
        Map<String, Object> newer = json.readValue(get("/sandbox/api/users/" + ALICE + "/chat?after=" + firstId)
                .body(), Argument.mapOf(String.class, Object.class));
        assertEquals(1, ((List<?>) newer.get("messages")).size(), "after= gives only newer messages");

        HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(URI.create(server.getURL() + "/sandbox/api/files/" + fileId)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertTrue(java.util.Arrays.equals(pdf, file.body()));
        assertEquals("attachment; filename=\"book one.pdf\"", file.headers().firstValue("Content-Disposition")
                .orElseThrow());

        assertEquals(400, get("/sandbox/api/users/" + ALICE + "/chat?after=-1").statusCode());
        assertEquals(400, get("/sandbox/api/users/" + ALICE + "/chat?after=1e3").statusCode());
        assertEquals(404, get("/sandbox/api/users/999/chat").statusCode());
        assertEquals(404, get("/sandbox/api/files/BQACunknown").statusCode());
        assertEquals(400, get("/sandbox/api/files/not%20an%20id").statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(URI.create(server.getURL() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSameContentHasTheSameFileUniqueId() throws Exception {
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        Map<?, ?> first = (Map<?, ?>) result(upload(new Multipart().field("chat_id", String.valueOf(ALICE))
                .file("document", "a.png", "image/png", png))).get("document");
        Map<?, ?> second = (Map<?, ?>) result(upload(new Multipart().field("chat_id", String.valueOf(ALICE))
                .file("document", "b.png", "image/png", png))).get("document");
        assertEquals(first.get("file_unique_id"), second.get("file_unique_id"));
        assertNotEquals(first.get("file_id"), second.get("file_id"));
    }

    @Test
    void telegramsErrors() throws Exception {
        assertError(bot.call("sendDocument", Map.of("chat_id", ALICE)), 400,
                "Bad Request: parameter \"document\" is required");
        assertError(bot.call("sendDocument", Map.of("chat_id", ALICE, "document", "BQACnot-a-file")), 400,
                "Bad Request: wrong file identifier/HTTP URL specified");
        assertError(bot.call("sendDocument", Map.of("chat_id", 999, "document", "x")), 400,
                "Bad Request: chat not found");
        HttpResponse<String> noChat = upload(new Multipart().file("document", "a.txt", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, noChat.statusCode(), noChat.body());
        assertTrue(noChat.body().contains("parameter \\\"chat_id\\\" is required"), noChat.body());

        HttpResponse<String> tooLarge = upload(new Multipart().field("chat_id", String.valueOf(ALICE))
                .file("document", "big.zip", "application/zip", new byte[100_001]));
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        Map<String, Object> envelope = json.readValue(tooLarge.body(), Argument.mapOf(String.class, Object.class));
        assertEquals(Map.of("ok", false, "error_code", 413, "description", "Request Entity Too Large"),
                withoutNulls(envelope));
        assertEquals(List.of(), sandbox.messages(ALICE), "nothing reached the chat");
    }

    @Test
    void aWrongTokenIsUnauthorized() throws Exception {
        HttpResponse<String> answer = new Multipart().field("chat_id", String.valueOf(ALICE))
                .file("document", "a.txt", "text/plain", new byte[] {'h', 'i'})
                .post(URI.create(server.getURL() + "/sandbox/bot1:wrong/sendDocument"), Map.of());
        assertEquals(401, answer.statusCode());
    }

    private HttpResponse<String> upload(Multipart multipart) throws Exception {
        return multipart.post(URI.create(server.getURL() + "/sandbox/bot" + credentials.token() + "/sendDocument"),
                Map.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> envelope = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        assertEquals(true, envelope.get("ok"));
        return (Map<String, Object>) envelope.get("result");
    }

    private static void assertError(BotApiClient.Reply reply, int status, String description) {
        assertEquals(status, reply.status(), String.valueOf(reply.body()));
        assertEquals(description, ((Map<?, ?>) reply.body()).get("description"));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
