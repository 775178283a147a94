package dev.starshop.order;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.SharedTable;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.db.WriteBehind;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payments' moves of orders to PAID, each with its timeline event, that a shared (group) commit writes
 * at its end in one statement instead of one each ({@link WriteBehind}). {@link OrderRepository} offers
 * them and, before it reads or writes an order, writes what waits for it; a reader of orders in another
 * package asks {@link WriteBehind#beforeReading} for {@link SharedTable#ORDERS}.
 */
@Singleton
class LateMoves {

    /** Each order's move and its timeline event; an order no longer in the state it left is not moved. */
    private static final String MOVE_ALL = """
            WITH moved AS (
                UPDATE orders o SET status = m.to_status, updated_at = m.at::timestamptz,
                                    charged_amount = coalesce(m.total, o.charged_amount),
                                    charged_shipping_amount = coalesce(m.shipping, o.charged_shipping_amount),
                                    charged_tip_amount = coalesce(m.tip, o.charged_tip_amount)
                FROM unnest(:ids::uuid[], :froms::text[], :tos::text[], :ats::text[], :whys::text[],
                            :totals::bigint[], :shippings::bigint[], :tips::bigint[])
                     WITH ORDINALITY AS m(id, from_status, to_status, at, why, total, shipping, tip, n)
                WHERE o.id = m.id AND o.status = m.from_status
                RETURNING o.id, m.to_status, m.at, m.why, m.n)
            INSERT INTO order_events (order_id, at, kind, detail)
            SELECT id, at::timestamptz, to_status, why FROM moved ORDER BY n""";

    private final Sql sql;
    private final WriteBehind writeBehind;
    private final WriteBehind.Table<Move> table = WriteBehind.Table.named(SharedTable.ORDERS, this::moveAll);

    /** A move waiting for the end of a shared commit; {@code charge} as {@link OrderRepository#move} takes it. */
    private record Move(UUID id, OrderStatus from, OrderStatus to, Instant at, String why, @Nullable Charge charge) {
    }

    LateMoves(Sql sql, WriteBehind writeBehind) {
        this.sql = sql;
        this.writeBehind = writeBehind;
    }

    /**
     * True if the move waits for the end of this shared commit; false outside one (the caller moves now).
     * The caller has written what waited for this order first, so no order waits twice.
     */
    boolean offer(UUID id, OrderStatus from, OrderStatus to, Instant at, String why, @Nullable Charge charge) {
        return writeBehind.offer(table, new Move(id, from, to, at, why, charge));
    }

    /** The move of this order that waits, if any, written now (with the others waiting: one statement). */
    void writeFor(UUID id) {
        writeBehind.flushIfAny(table, move -> move.id().equals(id));
    }

    /** Every move that waits, written now. */
    void writeAll() {
        writeBehind.flush(table);
    }

    /**
     * The moves that waited, in one statement. Each order is locked by this transaction, and whatever
     * read or wrote it since wrote its move first, so each must find its order in the state it left; one
     * that does not throws, and the shared transaction rolls back to be written again update by update.
     */
    private void moveAll(List<Move> moves) {
        int moved = sql.update(MOVE_ALL, Params.of("ids", Params.column(moves, Move::id, UUID[]::new))
                .and("froms", Params.column(moves, m -> m.from().name(), String[]::new))
                .and("tos", Params.column(moves, m -> m.to().name(), String[]::new))
                .and("ats", Params.column(moves, m -> m.at().toString(), String[]::new))
                .and("whys", Params.column(moves, Move::why, String[]::new))
                .and("totals", Params.column(moves, m -> m.charge() == null ? null : m.charge().total().amount(),
                        Long[]::new))
                .and("shippings", Params.column(moves, m -> m.charge() == null ? null : m.charge().shipping().amount(),
                        Long[]::new))
                .and("tips", Params.column(moves, m -> m.charge() == null ? null : m.charge().tip().amount(),
                        Long[]::new)));
        if (moved != moves.size()) {
            throw new IllegalStateException("A shared transaction's " + moves.size() + " order moves found "
                    + (moves.size() - moved) + " order(s) no longer in the state they left; it rolls back and each "
                    + "update is written again alone");
        }
    }
}
