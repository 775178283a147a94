package dev.starshop.fulfilment;

import dev.starshop.fulfilment.ShipmentRequests.Marked;
import dev.starshop.fulfilment.ShipmentRequests.MarkedMany;
import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Physical goods: the packer's view of an order and the shipment steps, for one order or many. */
@Controller("/api/admin/orders")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ShipmentController {

    /** A bulk mark holds every order's lock until it commits; more than this is several requests. */
    static final int MAX_BULK_ORDERS = 200;

    private final ShipmentService service;
    private final ShipmentDetails details;

    ShipmentController(ShipmentService service, ShipmentDetails details) {
        this.service = service;
        this.details = details;
    }

    @Get("/{id}/fulfilment")
    ShipmentView view(UUID id) {
        return details.find(id);
    }

    @Post("/{id}/fulfilment")
    Marked mark(UUID id, @Nullable @Body ShipmentRequests.One request) {
        ShipmentMark mark = required(request).mark();
        return new Marked(id, service.mark(id, mark));
    }

    @Post("/fulfilment")
    MarkedMany markMany(@Nullable @Body ShipmentRequests.Many request) {
        ShipmentRequests.Many many = required(request);
        List<UUID> ids = orderIds(many.orderIds());
        ShipmentMark mark = many.mark();
        Map<UUID, ShipmentStatus> marked = service.markAll(ids, mark);
        return new MarkedMany(mark.step(), ids.stream().map(id -> new Marked(id, marked.get(id))).toList());
    }

    private static List<UUID> orderIds(@Nullable List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "orderIds must name at least one order");
        }
        if (ids.size() > MAX_BULK_ORDERS) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "orderIds names " + ids.size() + " orders; at most " + MAX_BULK_ORDERS + " at once");
        }
        if (ids.contains(null) || new HashSet<>(ids).size() != ids.size()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "orderIds names an order twice, or null");
        }
        return ids;
    }

    private static <T> T required(@Nullable T body) {
        if (body == null) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "A JSON body is required");
        }
        return body;
    }
}
