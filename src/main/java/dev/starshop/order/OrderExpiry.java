package dev.starshop.order;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Expires unpaid orders past their deadline and gives their stock back. Rows are locked with
 * SKIP LOCKED, so several engines can sweep at once without doing the same order twice.
 */
@Singleton
public class OrderExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExpiry.class);
    private static final int BATCH_SIZE = 100;

    private final OrderRepository orders;
    private final OrderService service;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    OrderExpiry(OrderRepository orders, OrderService service, TransactionOperations<Connection> transactions,
                Clock clock) {
        this.orders = orders;
        this.service = service;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${starshop.orders.expiry-sweep-interval:30s}", initialDelay = "10s")
    void sweep() {
        int expired = expireDue();
        if (expired > 0) {
            LOG.info("Expired {} unpaid order(s)", expired);
        }
    }

    /** Expires every pending order whose deadline has passed; returns how many. */
    public int expireDue() {
        int total = 0;
        int batch;
        do {
            Instant now = clock.instant();
            batch = transactions.executeWrite(status -> expireBatch(now));
            total += batch;
        } while (batch == BATCH_SIZE);
        return total;
    }

    private int expireBatch(Instant now) {
        List<Order> due = orders.lockExpired(now, BATCH_SIZE);
        due.forEach(order -> service.close(order, OrderStatus.EXPIRED, "unpaid after " + order.expiresAt()));
        return due.size();
    }
}
