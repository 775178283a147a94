package dev.starshop.sandbox;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bot's webhook for tests: records every delivery and answers queries back over the Bot API
 * like a real bot would. Tests steer it through its public fields.
 */
@Controller("/test-webhook")
@Requires(property = "spec.name", value = "SandboxWebhook")
@ExecuteOn(TaskExecutors.BLOCKING)
class RecordingWebhook {

    enum PreCheckout { OK, REJECT, IGNORE, IN_RESPONSE_BODY }

    record Delivery(Map<String, Object> update, String secret) {
        long updateId() {
            return ((Number) update.get("update_id")).longValue();
        }
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger refusedAnswers = new AtomicInteger();
    volatile PreCheckout preCheckout = PreCheckout.OK;

    private final HttpClient client;
    private final BotCredentials credentials;

    RecordingWebhook(@Client("/") HttpClient client, BotCredentials credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    @Post
    HttpResponse<?> receive(@Body Map<String, Object> update,
                            @Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String secret) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return HttpResponse.serverError();
        }
        deliveries.add(new Delivery(update, secret));
        if (update.get("pre_checkout_query") instanceof Map<?, ?> query) {
            return answer((String) query.get("id"));
        }
        if (update.get("shipping_query") instanceof Map<?, ?> query) {
            call("answerShippingQuery", Map.of("shipping_query_id", query.get("id"), "ok", true,
                    "shipping_options", List.of(Map.of("id", "courier", "title", "Courier",
                            "prices", List.of(Map.of("label", "Courier", "amount", 500))))));
        }
        return HttpResponse.ok();
    }

    private HttpResponse<?> answer(String queryId) {
        switch (preCheckout) {
            case OK -> call("answerPreCheckoutQuery", Map.of("pre_checkout_query_id", queryId, "ok", true));
            case REJECT -> call("answerPreCheckoutQuery", Map.of("pre_checkout_query_id", queryId, "ok", false,
                    "error_message", "Sold out"));
            case IN_RESPONSE_BODY -> {
                return HttpResponse.ok(Map.of("method", "answerPreCheckoutQuery",
                        "pre_checkout_query_id", queryId, "ok", true));
            }
            case IGNORE -> {
                // a bot too slow to answer
            }
        }
        return HttpResponse.ok();
    }

    /**
     * A duplicate delivery's second answer is refused ("query is too old ..."); a robust bot
     * shrugs that off instead of failing the delivery, which would block the user's queue.
     */
    private void call(String method, Map<String, Object> params) {
        try {
            client.toBlocking().exchange(HttpRequest.POST("/sandbox/bot" + credentials.token() + "/" + method, params));
        } catch (HttpClientResponseException e) {
            refusedAnswers.incrementAndGet();
        }
    }

    void clear() {
        deliveries.clear();
        failNext.set(0);
        refusedAnswers.set(0);
        preCheckout = PreCheckout.OK;
    }

    List<Delivery> withField(String field) {
        return deliveries.stream().filter(d -> d.update().containsKey(field)).toList();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messagesWith(String field) {
        return deliveries.stream().map(d -> (Map<String, Object>) d.update().get("message"))
                .filter(m -> m != null && m.containsKey(field))
                .map(m -> (Map<String, Object>) m.get(field)).toList();
    }
}
