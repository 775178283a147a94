-- The Stars books (issue 16): every kind of Telegram Star transaction gets its accounts and entry
-- kinds, fractional Stars (Telegram's nanostar_amount) are kept exactly, and reconciliation records
-- the new kinds of finding. See docs/ledger.md and docs/treasury.md.
--
-- Fractional Stars: a posting keeps whole Stars in amount (minor units, as before) and the
-- 1/1,000,000,000 shares in nanos, with the same sign; only XTR postings may have nanos. A posting
-- is worth amount * 10^9 + nanos nanostars, and a transaction balances when those sum to zero.
-- Existing rows get nanos 0 and keep their meaning. No row triggers fire on ALTER TABLE, so the
-- append-only guards do not object.

ALTER TABLE ledger_postings
    ADD COLUMN nanos INTEGER NOT NULL DEFAULT 0,
    ADD CONSTRAINT ledger_postings_nanos_range CHECK (nanos BETWEEN -999999999 AND 999999999),
    ADD CONSTRAINT ledger_postings_nanos_sign CHECK ((amount >= 0 AND nanos >= 0) OR (amount <= 0 AND nanos <= 0)),
    ADD CONSTRAINT ledger_postings_nanos_stars_only CHECK (nanos = 0 OR currency = 'XTR'),
    DROP CONSTRAINT ledger_postings_amount_check,
    ADD CONSTRAINT ledger_postings_not_zero CHECK (amount <> 0 OR nanos <> 0),
    DROP CONSTRAINT ledger_postings_account_check,
    ADD CONSTRAINT ledger_postings_account_check CHECK (account IN ('telegram_stars_receivable',
        'provider_receivable', 'sales_revenue', 'shipping_revenue', 'tips_revenue', 'sales_refunds', 'chargebacks',
        'affiliate_commissions', 'affiliate_income', 'telegram_fees', 'gifts_expense', 'stars_in_transit',
        'stars_withdrawn'));

ALTER TABLE ledger_transactions
    DROP CONSTRAINT ledger_transactions_kind_check,
    ADD CONSTRAINT ledger_transactions_kind_check CHECK (kind IN ('PAYMENT', 'RENEWAL', 'REFUND', 'CHARGEBACK',
        'PAID_MEDIA', 'AFFILIATE_COMMISSION', 'AFFILIATE_INCOME', 'TELEGRAM_FEE', 'GIFT', 'WITHDRAWAL',
        'WITHDRAWAL_SUCCEEDED', 'WITHDRAWAL_RETURNED'));

-- Balanced in nanostars: the same deferred triggers, summing amount * 10^9 + nanos as NUMERIC.
CREATE OR REPLACE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tx_id   BIGINT;
    n       BIGINT;
    total   NUMERIC;
BEGIN
    IF TG_TABLE_NAME = 'ledger_postings' THEN
        tx_id := NEW.transaction_id;
    ELSE
        tx_id := NEW.id;
    END IF;
    SELECT count(*), coalesce(sum(amount::numeric * 1000000000 + nanos), 0) INTO n, total
    FROM ledger_postings WHERE transaction_id = tx_id;
    IF n = 0 THEN
        RAISE EXCEPTION 'ledger invariant NON_EMPTY: transaction % has no postings', tx_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger invariant BALANCED: postings of transaction % sum to % nanostars, not 0', tx_id, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

ALTER TABLE reconciliation_findings
    DROP CONSTRAINT reconciliation_findings_kind_check,
    ADD CONSTRAINT reconciliation_findings_kind_check CHECK (kind IN ('MISSING_PAYMENT', 'OUTSIDE_REFUND',
        'CHARGEBACK', 'UNKNOWN_TO_TELEGRAM', 'BOOKED', 'NOT_BOOKED', 'UNRECOGNISED', 'TIE_OUT'));

-- Tie-outs: each comparison of getMyStarBalance with the ledger, kept for the console.
CREATE TABLE stars_tie_outs (
    id                  BIGSERIAL PRIMARY KEY,
    -- The reconciliation run whose findings explain the difference.
    run_id              BIGINT      NOT NULL REFERENCES reconciliation_runs (id),
    trigger             TEXT        NOT NULL CHECK (trigger IN ('ON_DEMAND', 'SCHEDULE')),
    checked_at          TIMESTAMPTZ NOT NULL,
    telegram_nanostars  BIGINT      NOT NULL,
    ledger_nanostars    BIGINT      NOT NULL,
    difference_nanostars BIGINT     NOT NULL,
    explained_nanostars BIGINT      NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('TIED', 'EXPLAINED', 'NOT_TIED')),
    -- The history entries that explain the difference: [{id, direction, kind, nanostars, reason}].
    explanation         JSONB       NOT NULL
);
CREATE INDEX stars_tie_outs_latest ON stars_tie_outs (id DESC);
