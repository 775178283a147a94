package dev.starshop.docs;

import dev.starshop.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order-state table in docs/orders.md is rendered from {@link OrderStatus}: a change to the
 * transition table without the page fails here. {@code -Dstarshop.docs.write=true} rewrites the
 * page's section instead.
 */
class OrderStatesDocsTest {

    private static final String PAGE = "docs/orders.md";
    private static final String BEGIN = "<!-- order-states:begin -->\n";
    private static final String END = "<!-- order-states:end -->";
    private static final String REGENERATE =
            "./mvnw -B -q test -Dtest=OrderStatesDocsTest -Dstarshop.docs.write=true";

    @Test
    void theStateTableInTheDocsIsTheOneInTheCode() {
        String page = RepositoryFiles.read(PAGE);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertTrue(begin >= 0 && end > begin, PAGE + " has lost its markers " + BEGIN.strip() + " … " + END);
        String documented = page.substring(begin + BEGIN.length(), end);
        String rendered = render();
        if (Boolean.getBoolean("starshop.docs.write") && !documented.equals(rendered)) {
            RepositoryFiles.write(PAGE, page.substring(0, begin + BEGIN.length()) + rendered + page.substring(end));
            return;
        }
        assertEquals(rendered, documented, PAGE + "'s order-state table differs from OrderStatus.TRANSITIONS. "
                + "Regenerate the section between the markers with: " + REGENERATE);
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
