package dev.starshop.docs;

import dev.starshop.fulfilment.ShipmentStep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipment-step table in docs/orders.md is rendered from {@link ShipmentStep}, as the order-state
 * table is from OrderStatus ({@link OrderStatesDocsTest}). {@code -Dstarshop.docs.write=true} rewrites
 * the page's section instead.
 */
class ShipmentStepsDocsTest {

    private static final RenderedSection SECTION = new RenderedSection("docs/orders.md", "shipment-steps",
            "ShipmentStep", "./mvnw -B -q test -Dtest=ShipmentStepsDocsTest -Dstarshop.docs.write=true");

    @Test
    void theStepTableInTheDocsIsTheOneInTheCode() {
        SECTION.assertMatches(render());
    }

    @Test
    void theRenderingWalksTheStepsInOrder() {
        String table = render();
        assertTrue(table.contains("| `PACKED` | `PAID` (no step yet) |"), table);
        assertTrue(table.contains("| `DELIVERED` | `SHIPPED` | — | becomes `FULFILLED` |"), table);
    }

    /** One row per step in the order they must be set. */
    static String render() {
        StringBuilder md = new StringBuilder("| step | may follow | needs | the order |\n|---|---|---|---|\n");
        for (ShipmentStep step : ShipmentStep.values()) {
            md.append("| `").append(step).append("` | ")
                    .append(step.previous().map(p -> "`" + p + "`").orElse("`PAID` (no step yet)")).append(" | ")
                    .append(step.needsTracking() ? "carrier, tracking number; tracking URL optional (https)" : "—")
                    .append(" | ").append(step.fulfils() ? "becomes `FULFILLED`" : "stays `PAID`").append(" |\n");
        }
        return md.toString();
    }
}
