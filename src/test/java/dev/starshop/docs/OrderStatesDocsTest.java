package dev.starshop.docs;

import dev.starshop.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order-state table in docs/orders.md is rendered from {@link OrderStatus}: a change to the
 * transition table without the page fails here. {@code -Dstarshop.docs.write=true} rewrites the
 * page's section instead.
 */
class OrderStatesDocsTest {

    private static final RenderedSection SECTION = new RenderedSection("docs/orders.md", "order-states",
            "OrderStatus.TRANSITIONS", "./mvnw -B -q test -Dtest=OrderStatesDocsTest -Dstarshop.docs.write=true");

    @Test
    void theStateTableInTheDocsIsTheOneInTheCode() {
        SECTION.assertMatches(render());
    }

    /** One row per state in declaration order, then the states no transition leads to. */
    static String render() {
        StringBuilder md = new StringBuilder("| from | may become |\n|---|---|\n");
        Set<OrderStatus> reached = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus from : OrderStatus.values()) {
            List<OrderStatus> next = Arrays.stream(OrderStatus.values()).filter(from::canBecome).toList();
            reached.addAll(next);
            md.append("| `").append(from).append("` | ")
                    .append(next.isEmpty() ? "— (no move out)" : code(next)).append(" |\n");
        }
        List<OrderStatus> unreached = Arrays.stream(OrderStatus.values()).filter(s -> !reached.contains(s)).toList();
        if (!unreached.isEmpty()) {
            md.append("\nNo transition leads to ").append(code(unreached)).append(".\n");
        }
        return md.toString();
    }

    @Test
    void theRenderingShowsEveryStateAndEveryMove() {
        String table = render();
        for (OrderStatus status : OrderStatus.values()) {
            assertTrue(table.contains("| `" + status + "` |"), status + " has no row:\n" + table);
        }
        assertTrue(table.contains("| `PENDING_PAYMENT` | `PAID`, `CANCELLED`, `EXPIRED`, `NEEDS_REVIEW` |"), table);
    }

    private static String code(List<OrderStatus> states) {
        return states.stream().map(s -> "`" + s + "`").collect(Collectors.joining(", "));
    }
}
