package dev.starshop.fulfilment;

import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.UUID;

/** The operator's delivery actions on one order: approve an order under review, retry failed deliveries. */
@Controller("/api/admin/orders/{id}")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class DeliveryAdminController {

    private final OperatorActions actions;
    private final OrderDeliveries deliveries;

    DeliveryAdminController(OperatorActions actions, OrderDeliveries deliveries) {
        this.actions = actions;
        this.deliveries = deliveries;
    }

    @Post("/approve")
    @Operation(operationId = "approveOrder", summary = "Deliver anyway: an order under review becomes PAID and delivers",
            security = @SecurityRequirement(name = "admin"))
    DeliveriesAnswer approve(UUID id) {
        actions.approve(id);
        return new DeliveriesAnswer(id, deliveries.forAdmin(id));
    }

    @Post("/deliveries/retry")
    @Operation(operationId = "retryDeliveries", summary = "Send the order's failed deliveries again",
            security = @SecurityRequirement(name = "admin"))
    DeliveriesAnswer retry(UUID id) {
        actions.retryFailed(id);
        return new DeliveriesAnswer(id, deliveries.forAdmin(id));
    }

    @Serdeable
    record DeliveriesAnswer(UUID orderId, List<OrderDeliveries.AdminDelivery> deliveries) {
    }
}
