package dev.starshop.telegram.polling;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/** The next getUpdates offset per bot, kept in PostgreSQL so a restart resumes where it stopped. */
@Singleton
class PollingOffsets {

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;

    PollingOffsets(Sql sql, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    long next(long botId) {
        return transactions.executeRead(status -> sql.one(
                "SELECT next_offset FROM telegram_polling_offset WHERE bot_id = :botId",
                Params.of("botId", botId), row -> row.getLong("next_offset")).orElse(0L));
    }

    /** Moves forward only: an older offset never overwrites a newer one. */
    void advance(long botId, long nextOffset) {
        transactions.executeWrite(status -> sql.update("""
                INSERT INTO telegram_polling_offset (bot_id, next_offset) VALUES (:botId, :nextOffset)
                ON CONFLICT (bot_id) DO UPDATE SET next_offset = GREATEST(telegram_polling_offset.next_offset,
                                                                          EXCLUDED.next_offset)""",
                Params.of("botId", botId).and("nextOffset", nextOffset)));
    }
}
