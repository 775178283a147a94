package dev.starshop.telegram.botapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** A Bot API server for tests: {@code /fake-telegram/bot<token>/[test/]<method>}, answering from the script. */
@Controller("/fake-telegram")
@Requires(property = "spec.name", value = "BotApiClientTest")
@ExecuteOn(TaskExecutors.BLOCKING)
class FakeTelegramController {

    private final FakeTelegram fake;

    FakeTelegramController(FakeTelegram fake) {
        this.fake = fake;
    }

    @Post(uri = "/{bot}/{method}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<String> production(String bot, String method, @Body String body) throws InterruptedException {
        return answer(new FakeTelegram.Call(bot.substring(3), false, method, body));
    }

    @Post(uri = "/{bot}/test/{method}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<String> testEnvironment(String bot, String method, @Body String body) throws InterruptedException {
        return answer(new FakeTelegram.Call(bot.substring(3), true, method, body));
    }

    private HttpResponse<String> answer(FakeTelegram.Call call) throws InterruptedException {
        FakeTelegram.Reply reply = fake.answer(call);
        if (reply.delayMillis() > 0) {
            Thread.sleep(reply.delayMillis());
        }
        return HttpResponse.<String>status(HttpStatus.valueOf(reply.status()))
                .contentType(reply.contentType())
                .body(reply.body());
    }
}
