package dev.starshop.telegram.botapi;

import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(BotApiSettings.defaults(), d -> { });
    private final BotApiMethod<Boolean> safe = BotApiMethod.repeatable("setWebhook", Argument.BOOLEAN);
    private final BotApiMethod<Boolean> once = BotApiMethod.once("refundStarPayment", Argument.BOOLEAN);

    @Test
    void floodWaitIsRetriedForEveryMethodUpToTheCap() {
        assertEquals(Duration.ofSeconds(3), policy.delayAfter(once, 1, refused(429, 3)));
        assertNull(policy.delayAfter(once, 1, refused(429, 31)));
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedOnlyForSafeMethods() {
        assertNotNull(policy.delayAfter(safe, 1, refused(500, null)));
        assertNull(policy.delayAfter(once, 1, refused(500, null)));
        assertNotNull(policy.delayAfter(safe, 1, unavailable(BotApiUnavailableException.Reason.TIMEOUT)));
        assertNull(policy.delayAfter(once, 1, unavailable(BotApiUnavailableException.Reason.TIMEOUT)));
    }

    @Test
    void clientErrorsUnreadableAnswersAndTheLastAttemptAreFinal() {
        assertNull(policy.delayAfter(safe, 1, refused(400, null)));
        assertNull(policy.delayAfter(safe, 1, unavailable(BotApiUnavailableException.Reason.NOT_JSON)));
        assertNull(policy.delayAfter(safe, 3, refused(500, null)));
    }

    @Test
    void backoffDoublesWithJitter() {
        for (int i = 0; i < 50; i++) {
            long first = policy.backoff(1).toMillis();
            long third = policy.backoff(3).toMillis();
            assertEquals(true, first >= 100 && first <= 200, "first " + first);
            assertEquals(true, third >= 400 && third <= 800, "third " + third);
        }
    }

    private static BotApiException refused(int code, Integer retryAfter) {
        return new BotApiException("m", code, "x", new ResponseParameters(null, retryAfter));
    }

    private static BotApiUnavailableException unavailable(BotApiUnavailableException.Reason reason) {
        return new BotApiUnavailableException("m", reason, null);
    }
}
