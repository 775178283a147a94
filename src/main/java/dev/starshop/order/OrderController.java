package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.Product;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The buyer's orders; every route needs {@code Authorization: tma <initData>}. The writes that cost
 * the most (placing an order, invoice calls) spend a token of the buyer's rate limit first, once the
 * buyer is verified and before anything is read or written.
 */
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderService orders;
    private final BuyerRateLimits rateLimits;
    private final OrderAdmission admission;

    OrderController(OrderService orders, BuyerRateLimits rateLimits, OrderAdmission admission) {
        this.orders = orders;
        this.rateLimits = rateLimits;
        this.admission = admission;
    }

    @Post
    HttpResponse<OrderView> place(@Parameter(hidden = true) Buyer buyer, @Valid @Body OrderRequest request,
                                  @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey) {
        rateLimits.placeOrder(buyer);
        // The place is held until the buyer has the link: an order is never committed and then lost
        // to a connection wait on the way to its answer.
        OrderService.PlacedOrder placed = admission.admit(() -> {
            OrderService.PlacedOrder order = orders.place(buyer, request, idempotencyKey);
            return new OrderService.PlacedOrder(withInvoice(order.order(), order.products()), order.replayed());
        });
        Order order = placed.order();
        return HttpResponse.<OrderView>status(HttpStatus.CREATED)
                .header(REPLAYED, String.valueOf(placed.replayed()))
                .body(OrderView.of(order));
    }

    @Get("/{id}")
    OrderView get(@Parameter(hidden = true) Buyer buyer, UUID id) {
        return OrderView.of(orders.find(buyer, id));
    }

    @Get
    OrderList list(@Parameter(hidden = true) Buyer buyer, @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return new OrderList(orders.recent(buyer, limit).stream().map(OrderView::of).toList());
    }

    /** Issues the invoice link again after a Bot API failure (the order was kept). */
    @Post("/{id}/invoice")
    OrderView invoice(@Parameter(hidden = true) Buyer buyer, UUID id) {
        rateLimits.invoiceCall(buyer);
        return OrderView.of(withInvoice(orders.find(buyer, id), List.of()));
    }

    /** The Mini App's invoiceClosed status: recorded as a hint; the answer is the order as it is. */
    @Post("/{id}/invoice-closed")
    OrderView invoiceClosed(@Parameter(hidden = true) Buyer buyer, UUID id, @Valid @Body InvoiceClosed closed) {
        rateLimits.invoiceCall(buyer);
        return OrderView.of(orders.invoiceClosed(buyer, id, closed.status()));
    }

    /** Cancels an unpaid order and frees its stock; a paid order answers 409. */
    @Post("/{id}/cancel")
    OrderView cancel(@Parameter(hidden = true) Buyer buyer, UUID id) {
        return OrderView.of(orders.cancel(buyer, id));
    }

    /**
     * A Bot API failure keeps the order; the problem names it in {@code orderId} (and in words) so
     * the client can ask for its link later.
     */
    private Order withInvoice(Order order, List<Product> pricedFrom) {
        try {
            return orders.ensureInvoice(order, pricedFrom);
        } catch (ProblemException e) {
            throw new ProblemException(e.code(), "Order " + order.id() + " is saved but its invoice could not be "
                    + "issued (" + e.getMessage() + "); retry POST /api/orders/" + order.id() + "/invoice",
                    Map.of("orderId", order.id().toString()));
        }
    }

    @Serdeable
    record OrderList(List<OrderView> orders) {
    }

    @Serdeable
    record InvoiceClosed(@NotNull @Pattern(regexp = "paid|cancelled|failed|pending",
            message = "must be paid, cancelled, failed or pending") String status) {
    }
}
