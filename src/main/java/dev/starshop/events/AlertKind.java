package dev.starshop.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the operator chat is told about. {@link #configName} is how a kind is switched off in
 * {@code starshop.operator.muted} (docs/operations.md, "Operator chat").
 */
public enum AlertKind {
    ORDER_PAID("order-paid"),
    NEEDS_REVIEW("needs-review"),
    REFUND("refund"),
    CHARGEBACK("chargeback"),
    DELIVERY_FAILED("delivery-failed"),
    CODE_POOL_LOW("code-pool-low"),
    RECONCILIATION("reconciliation"),
    SUBSCRIPTION_CANCELLED("subscription-cancelled"),
    ENDPOINT_FAILING("endpoint-failing");

    private final String configName;

    AlertKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<AlertKind> byConfigName(String name) {
        return Arrays.stream(values()).filter(k -> k.configName.equalsIgnoreCase(name.strip())).findFirst();
    }
}
