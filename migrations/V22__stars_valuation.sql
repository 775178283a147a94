-- Fiat valuation of Stars (docs/accounting.md, "Valuing Stars"): a dated XTR rate table, the rate
-- in force locked onto each Stars ledger transaction when it is booked (write-once), each posting's
-- value in the reporting currency, and dated revaluations of the Stars position. Rates are exact
-- decimals (NUMERIC, never float); values are integer minor units of the reporting currency.

-- One rate per reporting currency and day: reporting-currency units per Star, in force from
-- effective_on until the next later rate.
CREATE TABLE xtr_rates (
    id           BIGSERIAL PRIMARY KEY,
    currency     TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'XTR'),
    effective_on DATE        NOT NULL,
    rate         NUMERIC     NOT NULL CHECK (rate > 0 AND rate < 1000000 AND scale(rate) <= 12),
    source       TEXT        NOT NULL CHECK (source IN ('OPERATOR', 'CSV_IMPORT', 'FRAGMENT_WITHDRAWAL')),
    reference    TEXT        CHECK (char_length(reference) <= 200),
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (currency, effective_on)
);

-- The rate locked onto one Stars ledger transaction. No row = not valued yet (no rate was in force
-- for its day when it was booked); it is valued once, when a rate for its day is entered.
-- No foreign keys into the ledger on purpose: ledger rows never go away (append-only), the rows here
-- are written from them by INSERT ... SELECT, and a key referencing ledger_postings would make
-- PostgreSQL refuse TRUNCATE ledger_postings for that reason before the ledger's own APPEND_ONLY
-- trigger could say why.
CREATE TABLE stars_valuations (
    transaction_id BIGINT      PRIMARY KEY,
    currency       TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'XTR'),
    -- The transaction's UTC day: the day whose rate was looked up.
    value_date     DATE        NOT NULL,
    exponent       SMALLINT    NOT NULL CHECK (exponent BETWEEN 0 AND 4),
    rate_id        BIGINT      NOT NULL REFERENCES xtr_rates (id),
    rate           NUMERIC     NOT NULL CHECK (rate > 0),
    rate_date      DATE        NOT NULL,
    rate_source    TEXT        NOT NULL,
    valued_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX stars_valuations_by_day ON stars_valuations (currency, value_date);

-- Each posting of a valued transaction in minor units of the valuation's currency. Written with the
-- valuation; the values of one transaction sum to zero (cumulative rounding, see docs).
CREATE TABLE stars_posting_values (
    posting_id     BIGINT PRIMARY KEY,
    transaction_id BIGINT NOT NULL REFERENCES stars_valuations (transaction_id),
    fiat_amount    BIGINT NOT NULL
);
CREATE INDEX stars_posting_values_by_transaction ON stars_posting_values (transaction_id);

-- A dated revaluation of the Stars Telegram holds or has in transit (receivable + in transit) at the
-- rate in force on as_of: carrying value, value at that rate, and the unrealised difference.
CREATE TABLE stars_revaluations (
    id                  BIGSERIAL PRIMARY KEY,
    currency            TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'XTR'),
    as_of               DATE        NOT NULL,
    rate_id             BIGINT      NOT NULL REFERENCES xtr_rates (id),
    rate                NUMERIC     NOT NULL,
    rate_date           DATE        NOT NULL,
    position_nanostars  BIGINT      NOT NULL,
    unvalued_nanostars  BIGINT      NOT NULL,
    carrying_amount     BIGINT      NOT NULL,
    revalued_amount     BIGINT      NOT NULL,
    difference_amount   BIGINT      NOT NULL CHECK (difference_amount = revalued_amount - carrying_amount),
    created_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (currency, as_of)
);

-- Rates, valuations and revaluations are never changed or removed: a later rate is a new row, a
-- change in value is a revaluation.
CREATE FUNCTION valuation_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'valuation invariant WRITE_ONCE: % on % is not allowed; enter a new rate or a revaluation',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER xtr_rates_write_once BEFORE UPDATE OR DELETE ON xtr_rates
    FOR EACH ROW EXECUTE FUNCTION valuation_refuse_change();
CREATE TRIGGER xtr_rates_no_truncate BEFORE TRUNCATE ON xtr_rates
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_refuse_change();
CREATE TRIGGER stars_valuations_write_once BEFORE UPDATE OR DELETE ON stars_valuations
    FOR EACH ROW EXECUTE FUNCTION valuation_refuse_change();
CREATE TRIGGER stars_valuations_no_truncate BEFORE TRUNCATE ON stars_valuations
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_refuse_change();
CREATE TRIGGER stars_posting_values_write_once BEFORE UPDATE OR DELETE ON stars_posting_values
    FOR EACH ROW EXECUTE FUNCTION valuation_refuse_change();
CREATE TRIGGER stars_posting_values_no_truncate BEFORE TRUNCATE ON stars_posting_values
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_refuse_change();
CREATE TRIGGER stars_revaluations_write_once BEFORE UPDATE OR DELETE ON stars_revaluations
    FOR EACH ROW EXECUTE FUNCTION valuation_refuse_change();
CREATE TRIGGER stars_revaluations_no_truncate BEFORE TRUNCATE ON stars_revaluations
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_refuse_change();
