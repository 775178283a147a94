package dev.starshop.telegram.botapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A bot for the client-against-emulator tests: the emulator POSTs updates here, they are read into
 * the client's typed {@link Update}, and queries are answered through the real {@link BotApiClient}.
 */
@Controller(EmulatorTestBot.PATH)
@Requires(property = "spec.name", value = "ClientAgainstEmulatorTest")
@ExecuteOn(TaskExecutors.BLOCKING)
class EmulatorTestBot {

    static final String PATH = "/client-test-bot";
    static final List<ShippingOption> OPTIONS = List.of(
            new ShippingOption("courier", "Courier", List.of(new LabeledPrice("Courier", 500))),
            new ShippingOption("post", "Post", List.of(new LabeledPrice("Post", 200), new LabeledPrice("Tax", 20))));

    final List<Update> updates = new CopyOnWriteArrayList<>();
    /** Null: offer {@link #OPTIONS}; otherwise refuse shipping with this message. */
    volatile String shippingRefusal;

    private final BotApiClient client;

    EmulatorTestBot(BotApiClient client) {
        this.client = client;
    }

    @Post
    HttpResponse<?> receive(@Body Update update) {
        updates.add(update);
        if (update.preCheckoutQuery() != null) {
            client.answerPreCheckoutQuery(AnswerPreCheckoutQuery.accept(update.preCheckoutQuery().id()));
        }
        ShippingQuery shipping = update.shippingQuery();
        if (shipping != null) {
            client.answerShippingQuery(shippingRefusal == null
                    ? AnswerShippingQuery.accept(shipping.id(), OPTIONS)
                    : AnswerShippingQuery.refuse(shipping.id(), shippingRefusal));
        }
        return HttpResponse.ok();
    }

    void clear() {
        updates.clear();
        shippingRefusal = null;
    }

    /** The first received update {@code pick} finds something in, waiting up to 5 s for it. */
    <T> T await(Function<Update, T> pick) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = updates.stream().map(pick).filter(java.util.Objects::nonNull).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("no such update arrived: " + updates);
    }
}
