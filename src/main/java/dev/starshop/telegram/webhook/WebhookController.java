package dev.starshop.telegram.webhook;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.Problems;
import dev.starshop.telegram.updates.BotCall;
import dev.starshop.telegram.updates.UpdateInbox;
import dev.starshop.telegram.updates.UpdateSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Telegram delivers updates. It answers 200 only after the update and its effects have
 * committed; any failure is a non-2xx answer, so Telegram delivers the update again. An update
 * that has failed {@code starshop.telegram.webhook.max-attempts} times is parked instead and
 * answered 200, so Telegram neither retries it forever nor drops it unseen.
 *
 * <p>Runs on the {@code io} pool's platform threads on every JDK, not on {@link TaskExecutors#BLOCKING}
 * (virtual threads on Java 21+): an update is a handful of JDBC round trips, and a virtual thread that
 * blocks on the driver's socket parks, registers the socket with the JDK's poller and is woken by it,
 * several times per update. On Temurin 25 the poller and carrier threads took about a fifth of the JVM's
 * CPU per update (docs/performance.md, section 1). {@link WebhookAdmission} bounds the threads.
 */
@Controller(WebhookController.PATH)
@TelegramOnly
@ExecuteOn(TaskExecutors.IO)
class WebhookController {

    static final String PATH = "/telegram/webhook";

    private final UpdateInbox inbox;
    private final JsonMapper json;
    private final boolean answerInline;
    private final WebhookAdmission admission;

    WebhookController(UpdateInbox inbox, JsonMapper json, WebhookAdmission admission,
                      @Value("${starshop.telegram.answer-queries-inline:false}") boolean answerInline) {
        this.inbox = inbox;
        this.admission = admission;
        this.json = json;
        this.answerInline = answerInline;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Body byte[] update) throws IOException {
        if (!admission.tryEnter()) {
            return Problems.response(ProblemCode.BUSY, "More than " + admission.limit()
                    + " webhook requests at once; this update was not read").header(HttpHeaders.RETRY_AFTER, "1");
        }
        try {
            return answer(inbox.receive(update, UpdateSource.WEBHOOK, answerInline));
        } finally {
            admission.leave();
        }
    }

    private HttpResponse<?> answer(UpdateInbox.Receipt receipt) throws IOException {
        if (receipt.inlineAnswer().isEmpty()) {
            return HttpResponse.ok();
        }
        return HttpResponse.ok(asWebhookReply(receipt.inlineAnswer().get()));
    }

    /** Telegram accepts one method call in the webhook response: its parameters plus "method". */
    private Map<String, Object> asWebhookReply(BotCall call) throws IOException {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("method", call.method());
        reply.putAll(json.readValue(json.writeValueAsBytes(call.request()), Argument.mapOf(String.class, Object.class)));
        return reply;
    }
}
