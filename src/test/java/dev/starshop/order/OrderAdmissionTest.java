package dev.starshop.order;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.RetryLaterException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound on orders placed at once: the one past it is refused busy without running. */
class OrderAdmissionTest {

    @Test
    void anOrderPastTheBoundIsRefusedBusyWithoutRunningAndTheNextGetsThePlace() throws Exception {
        OrderAdmission admission = new OrderAdmission(1, Duration.ZERO);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            inside.countDown();
            await(finish);
            return "first";
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS), "the first order got its place");

        AtomicBoolean ran = new AtomicBoolean();
        RetryLaterException busy = assertThrows(RetryLaterException.class, () -> admission.admit(() -> {
            ran.set(true);
            return "second";
        }));

        assertEquals(ProblemCode.BUSY, busy.code());
        assertEquals(1, busy.retryAfterSeconds());
        assertFalse(ran.get(), "nothing of the refused order ran");
        finish.countDown();
        assertEquals("first", first.get(30, TimeUnit.SECONDS));
        assertEquals("third", admission.admit(() -> "third"), "the place is free again");
    }

    @Test
    void aFailedPlacementGivesItsPlaceBack() {
        OrderAdmission admission = new OrderAdmission(1, Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> admission.admit(() -> {
            throw new IllegalStateException("out of stock");
        }));
        assertEquals("next", admission.admit(() -> "next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
