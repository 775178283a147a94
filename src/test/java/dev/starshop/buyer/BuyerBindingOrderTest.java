package dev.starshop.buyer;

import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Authentication is decided before the body is read, and a refused request runs no controller code. */
@MicronautTest
@Property(name = "spec.name", value = "BuyerBindingOrderTest")
class BuyerBindingOrderTest {

    static final AtomicInteger CALLS = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    BotCredentials bot;

    @Test
    void anUnauthenticatedWriteWithAnUnreadableBodyIsA401AndDoesNothing() {
        HttpRequest<String> request = HttpRequest.POST("/test/buyer-writes", "{not json")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        int before = CALLS.get();

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Map.class));

        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("invalid-init-data", e.getResponse().getBody(Map.class).orElseThrow().get("code"));
        assertEquals(before, CALLS.get());
    }

    @Test
    void anAuthenticatedWriteReachesTheController() {
        String header = InitDataSigner.forToken(bot.token()).header(77L, "bob", "en");
        HttpRequest<String> request = HttpRequest.POST("/test/buyer-writes", "{\"sku\":\"tea-\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Authorization", header);
        int before = CALLS.get();

        assertEquals("tea-77", client.toBlocking().retrieve(request));
        assertEquals(before + 1, CALLS.get());
    }

    @Serdeable
    record Write(String sku) {
    }

    @Requires(property = "spec.name", value = "BuyerBindingOrderTest")
    @Controller("/test/buyer-writes")
    static final class WriteController {

        @Post
        String write(@Body Write body, Buyer buyer) {
            CALLS.incrementAndGet();
            return body.sku() + buyer.telegramUserId();
        }
    }
}
