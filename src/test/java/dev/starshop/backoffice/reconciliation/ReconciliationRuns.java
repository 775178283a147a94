package dev.starshop.backoffice.reconciliation;

import dev.starshop.support.Api;
import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reconciliation as the operator drives it over the admin API, and how tests read a run's findings. */
final class ReconciliationRuns {

    private ReconciliationRuns() {
    }

    /** Starts a run (POST /api/admin/reconciliation/runs) and returns it with its findings. */
    static Map<String, Object> start(Api api) {
        Api.Reply reply = api.admin(HttpRequest.POST("/api/admin/reconciliation/runs", ""));
        assertEquals(201, reply.status(), () -> String.valueOf(reply.body()));
        return reply.json();
    }

    /** The kind and action of each finding of the run about this charge. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> findingsFor(Map<String, Object> run, String charge) {
        return ((List<Map<String, Object>>) run.get("findings")).stream()
                .filter(f -> charge.equals(f.get("telegramPaymentChargeId")))
                .map(f -> Map.of("kind", f.get("kind"), "action", f.get("action"))).toList();
    }
}
