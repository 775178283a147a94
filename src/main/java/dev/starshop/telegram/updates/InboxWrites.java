package dev.starshop.telegram.updates;

import dev.starshop.platform.db.GroupCommit;
import dev.starshop.platform.db.WriteBehind;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Writes an update's inbox row and its handler's effects in one transaction. Webhook updates that
 * arrive while others are being written share a transaction ({@link GroupCommit}): one commit,
 * one flush to disk, for all of them; each is still answered only after that commit, and a batch
 * that fails is written again update by update. Queries that Telegram waits on are written alone,
 * and their commit does not wait for the disk.
 */
@Singleton
class InboxWrites {

    private static final String COMMIT_WITHOUT_WAITING_FOR_DISK = "SET LOCAL synchronous_commit = off";
    private static final String PLAN_GENERICALLY = "SET LOCAL plan_cache_mode = force_generic_plan";

    private final InboxRepository inbox;
    private final UpdateDispatcher dispatcher;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final GroupCommit<Arrival, Recorded> groupCommit;
    private final DistributionSummary batchSizes;
    private final boolean queriesWaitForDisk;
    private final WriteBehind writeBehind;

    InboxWrites(InboxRepository inbox, UpdateDispatcher dispatcher, TransactionOperations<Connection> transactions,
                Clock clock, GroupCommitSettings grouping, MeterRegistry meters, WriteBehind writeBehind,
                @Value("${starshop.telegram.queries-wait-for-disk:false}") boolean queriesWaitForDisk) {
        this.inbox = inbox;
        this.writeBehind = writeBehind;
        this.queriesWaitForDisk = queriesWaitForDisk;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.clock = clock;
        this.groupCommit = grouping.enabled()
                ? new GroupCommit<>(new Writer(), grouping.lanes(), grouping.maxBatch()) : null;
        this.batchSizes = DistributionSummary.builder("starshop.webhook.group.commit.batch")
                .description("Webhook updates per shared transaction (batches of two or more)").register(meters);
        if (groupCommit != null) {
            Gauge.builder("starshop.webhook.group.commit.waiting", groupCommit, GroupCommit::waiting)
                    .description("Webhook updates waiting for a shared transaction").register(meters);
        }
    }

    /** Returns once the update's transaction has committed. */
    Recorded write(Arrival arrival) {
        return groupCommit != null && mayShare(arrival) ? groupCommit.write(arrival) : writeAlone(arrival);
    }

    /**
     * Pre-checkout and shipping queries never wait for company: Telegram gives the answer 10 s,
     * and a query's own transaction is short, while a shared one carries the others' work too.
     */
    private static boolean mayShare(Arrival arrival) {
        return arrival.source() == UpdateSource.WEBHOOK && !isQuery(arrival.update());
    }

    private Recorded writeAlone(Arrival arrival) {
        return transactions.executeWrite(status -> {
            if (isQuery(arrival.update()) && !queriesWaitForDisk) {
                commitWithoutWaitingForDisk(status.getConnection());
            }
            return record(arrival);
        });
    }

    private static boolean isQuery(ClassifiedUpdate update) {
        return update instanceof ClassifiedUpdate.PreCheckout || update instanceof ClassifiedUpdate.ShippingRequest;
    }

    /**
     * A query's transaction holds no money: its inbox row and the order's timeline note. Its commit
     * is visible at once and reaches the disk within PostgreSQL's WAL writer delay (3 × 200 ms at
     * most), so a crash in that window forgets the note, never a payment; in exchange the answer
     * that Telegram waits for does not wait for a disk flush, the tail of every durable write
     * (docs/performance.md, section 2). {@code starshop.telegram.queries-wait-for-disk} turns it off.
     */
    private static void commitWithoutWaitingForDisk(Connection connection) {
        setLocal(connection, COMMIT_WITHOUT_WAITING_FOR_DISK);
    }

    /**
     * A shared transaction's statements over the batch's arrays ({@code o.id = ANY(?)}, the Stars
     * valuation of the batch's transactions) would otherwise be planned anew on every call: PostgreSQL
     * prices a generic plan for an array of ten elements, and against the average cost of the custom
     * plans made for the smaller batches before it that plan never wins, so every batch paid the
     * planner (docs/performance.md, section 1). The plans are index look-ups by key whatever the
     * array's length. {@code LOCAL}: the setting ends with the transaction, the pooled connection
     * keeps the server's default for everything else (exports, orders, an update written alone).
     */
    private static void planGenerically(Connection connection) {
        setLocal(connection, PLAN_GENERICALLY);
    }

    /**
     * A server setting for the rest of this transaction only ({@code SET LOCAL}); a constant, never input.
     * Prepared, so that the driver keeps it parsed on each pooled connection like any other statement.
     */
    private static void setLocal(Connection connection, String setLocal) {
        try (PreparedStatement statement = connection.prepareStatement(setLocal)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + setLocal, e);
        }
    }

    /**
     * The batch's inbox rows in one statement, in update_id order (so two batches holding the same
     * updates take their row locks in one order), then each new update's effects in the same order.
     * An update id twice in one batch is new once: the second is a duplicate, as it would be alone.
     * Before the first is dispatched, the handlers read ahead what they can for all of them (the
     * orders the payments pay, locked in one statement, in id order). Rows nobody reads back before
     * the commit (receipts, event deliveries) are written last, one statement per table for the
     * whole batch ({@link WriteBehind}).
     */
    private List<Recorded> writeTogether(List<Arrival> arrivals) {
        List<Integer> order = IntStream.range(0, arrivals.size()).boxed()
                .sorted(Comparator.comparingLong(i -> arrivals.get(i).update().updateId())).toList();
        Map<Long, Integer> firstOfId = new LinkedHashMap<>();
        order.forEach(i -> firstOfId.putIfAbsent(arrivals.get(i).update().updateId(), i));
        List<Recorded> written = transactions.executeWrite(status -> {
            planGenerically(status.getConnection());
            writeBehind.gather();
            Set<Long> fresh = inbox.insertAllNew(firstOfId.values().stream().map(arrivals::get).toList(),
                    clock.instant());
            List<Integer> toDispatch = order.stream().filter(i -> isNew(arrivals.get(i).update(), i, fresh, firstOfId))
                    .toList();
            dispatcher.beforeDispatching(toDispatch.stream().map(i -> arrivals.get(i).update()).toList());
            Recorded[] recorded = new Recorded[arrivals.size()];
            Arrays.fill(recorded, Recorded.DUPLICATE);
            toDispatch.forEach(i -> recorded[i] = dispatch(arrivals.get(i).update()));
            writeBehind.flush();
            return List.of(recorded);
        });
        batchSizes.record(arrivals.size());
        return written;
    }

    private static boolean isNew(ClassifiedUpdate update, int index, Set<Long> fresh, Map<Long, Integer> firstOfId) {
        return fresh.contains(update.updateId()) && firstOfId.get(update.updateId()) == index;
    }

    /** Inside the caller's transaction: the inbox row, then, for a new update, the handler's effects. */
    private Recorded record(Arrival arrival) {
        if (!inbox.insertIfNew(arrival.update(), arrival.source(), arrival.payload(), clock.instant())) {
            return Recorded.DUPLICATE;
        }
        return dispatch(arrival.update());
    }

    /** A new update's handler, inside the caller's transaction. */
    private Recorded dispatch(ClassifiedUpdate update) {
        AfterCommit after = new AfterCommit();
        dispatcher.dispatch(update, after);
        return new Recorded(true, after);
    }

    record Arrival(ClassifiedUpdate update, UpdateSource source, byte[] payload) {
    }

    /** Whether the update was new, and what its handler asked for after the commit. */
    record Recorded(boolean fresh, AfterCommit after) {
        static final Recorded DUPLICATE = new Recorded(false, new AfterCommit());
    }

    private final class Writer implements GroupCommit.Writer<Arrival, Recorded> {
        @Override
        public List<Recorded> together(List<Arrival> arrivals) {
            return writeTogether(arrivals);
        }

        @Override
        public Recorded alone(Arrival arrival) {
            return writeAlone(arrival);
        }
    }
}
