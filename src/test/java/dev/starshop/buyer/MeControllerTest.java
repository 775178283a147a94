package dev.starshop.buyer;

import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class MeControllerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    BotCredentials bot;

    @Test
    void aVerifiedBuyerSeesThemself() {
        String header = InitDataSigner.forToken(bot.token()).header(4242L, "alice", "de");

        HttpResponse<Map> response = client.toBlocking().exchange(me().header("Authorization", header), Map.class);

        assertEquals(HttpStatus.OK, response.getStatus());
        Map<?, ?> body = response.body();
        assertEquals(4242, ((Number) body.get("id")).intValue());
        assertEquals("Test", body.get("firstName"));
        assertEquals("alice", body.get("username"));
        assertEquals("de", body.get("languageCode"));
        assertEquals(false, body.get("premium"));
    }

    @Test
    void aBadHashIsRefused() {
        String header = InitDataSigner.forToken(bot.token()).header(4242L, "alice", "de");
        String forged = header.substring(0, header.length() - 4) + "0000";

        assertRefused(me().header("Authorization", forged), "signature");
    }

    @Test
    void dataSignedWithAnotherTokenIsRefused() {
        String header = InitDataSigner.forToken("7000000001:someoneElsesTokenxxxxxxxxxxxxxxxxxxx").header(1, "a", "en");

        assertRefused(me().header("Authorization", header), "signature");
    }

    @Test
    void expiredDataIsRefused() {
        Instant yesterday = Instant.now().minus(Duration.ofHours(25));
        String header = InitDataSigner.forToken(bot.token()).authDate(yesterday).header(4242L, "alice", "de");

        assertRefused(me().header("Authorization", header), "expired");
    }

    @Test
    void aMissingHeaderIsRefused() {
        assertRefused(me(), "missing");
    }

    @Test
    void theTmaSchemeWithoutDataIsRefused() {
        assertRefused(me().header("Authorization", "tma"), "empty");
    }

    @Test
    void anotherSchemeIsRefused() {
        String initData = InitDataSigner.forToken(bot.token()).initData(4242L, "alice", "de");

        assertRefused(me().header("Authorization", "Bearer " + initData), "tma scheme");
    }

    private static MutableHttpRequest<?> me() {
        return HttpRequest.GET("/api/me");
    }

    private void assertRefused(MutableHttpRequest<?> request, String detailMentions) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertTrue(e.getResponse().getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("invalid-init-data", problem.get("code"));
        assertTrue(String.valueOf(problem.get("detail")).contains(detailMentions), String.valueOf(problem));
    }
}
