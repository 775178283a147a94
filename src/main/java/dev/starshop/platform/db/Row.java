package dev.starshop.platform.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The current row of a result, read by column name only (its label: the alias after {@code AS}, else
 * the column's name), so a statement can gain a column without shifting what the mappers read. A
 * name the statement does not return fails with the driver's "column name … was not found".
 * Primitive getters read NULL as JDBC does (0, false); the {@code OrNull} ones keep it.
 */
public final class Row {

    private final ResultSet rows;

    public Row(ResultSet rows) {
        this.rows = rows;
    }

    public String getString(String column) throws SQLException {
        return rows.getString(column);
    }

    public long getLong(String column) throws SQLException {
        return rows.getLong(column);
    }

    public Long getLongOrNull(String column) throws SQLException {
        return rows.getObject(column, Long.class);
    }

    public int getInt(String column) throws SQLException {
        return rows.getInt(column);
    }

    public Integer getIntOrNull(String column) throws SQLException {
        return rows.getObject(column, Integer.class);
    }

    /** A bytea column, whole (the driver reads it into memory either way). */
    public byte[] getBytes(String column) throws SQLException {
        return rows.getBytes(column);
    }

    public boolean getBoolean(String column) throws SQLException {
        return rows.getBoolean(column);
    }

    public BigDecimal getBigDecimal(String column) throws SQLException {
        return rows.getBigDecimal(column);
    }

    public UUID getUuid(String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    /** A {@code timestamptz} as an instant, or null. */
    public Instant getInstant(String column) throws SQLException {
        OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A {@code date} as a local date, or null. */
    public java.time.LocalDate getLocalDate(String column) throws SQLException {
        return rows.getObject(column, java.time.LocalDate.class);
    }

    public boolean isNull(String column) throws SQLException {
        return rows.getObject(column) == null;
    }
}
