-- The ledger: append-only, balanced, double-entry. Each row of ledger_transactions is one economic
-- event (payment, renewal, refund, chargeback); its ledger_postings are signed amounts in minor
-- units (positive = debit, negative = credit) that sum to zero. The Java code checks the same rules
-- before writing; these constraints hold even for SQL typed by hand. See docs/ledger.md.

CREATE TABLE ledger_transactions (
    id                 BIGSERIAL PRIMARY KEY,
    -- The caller's natural key ("payment:<telegram_payment_charge_id>"): the unit of idempotency.
    external_key       TEXT        NOT NULL UNIQUE CHECK (char_length(external_key) BETWEEN 1 AND 200),
    kind               TEXT        NOT NULL CHECK (kind IN ('PAYMENT', 'RENEWAL', 'REFUND', 'CHARGEBACK')),
    currency           CHAR(3)     NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    -- No foreign key to orders on purpose: money Telegram reports for an order we cannot match
    -- must still be booked (never dropped), and the ledger must not depend on the order schema.
    order_id           UUID,
    buyer_id           BIGINT,
    telegram_charge_id TEXT,
    provider_charge_id TEXT,
    reverses_id        BIGINT,
    -- Target of the composite foreign keys below: they make "same currency" a declarative rule.
    UNIQUE (id, currency),
    -- A reversal points at an earlier transaction in the same currency.
    FOREIGN KEY (reverses_id, currency) REFERENCES ledger_transactions (id, currency),
    CHECK (reverses_id <> id),
    -- Refunds and chargebacks always say what they reverse; payments never reverse anything.
    CHECK ((kind IN ('REFUND', 'CHARGEBACK')) = (reverses_id IS NOT NULL))
);

CREATE TABLE ledger_postings (
    id             BIGSERIAL PRIMARY KEY,
    transaction_id BIGINT  NOT NULL,
    account        TEXT    NOT NULL CHECK (account IN ('telegram_stars_receivable', 'provider_receivable',
                               'sales_revenue', 'shipping_revenue', 'tips_revenue', 'sales_refunds',
                               'chargebacks')),
    currency       CHAR(3) NOT NULL,
    amount         BIGINT  NOT NULL CHECK (amount <> 0),
    -- A posting's currency is its transaction's currency: no sums across currencies, ever.
    FOREIGN KEY (transaction_id, currency) REFERENCES ledger_transactions (id, currency)
);

-- A payment is refunded at most once and charged back at most once.
CREATE UNIQUE INDEX ledger_reversed_once ON ledger_transactions (reverses_id, kind)
    WHERE reverses_id IS NOT NULL;
CREATE INDEX ledger_transactions_by_order ON ledger_transactions (order_id, id) WHERE order_id IS NOT NULL;
CREATE INDEX ledger_transactions_by_time ON ledger_transactions (occurred_at, id);
CREATE INDEX ledger_transactions_by_telegram_charge ON ledger_transactions (telegram_charge_id)
    WHERE telegram_charge_id IS NOT NULL;
CREATE INDEX ledger_postings_by_transaction ON ledger_postings (transaction_id, id);

-- Append-only: corrections are new reversing transactions, so nothing may change or vanish.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger invariant APPEND_ONLY: % on % is not allowed; post a reversing transaction',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Balanced: checked at COMMIT (deferred), once all of a transaction's postings are in. Fires for
-- each new transaction (so one without postings is caught) and for each new posting (so postings
-- added later to an old transaction are caught).
CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
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
    SELECT count(*), coalesce(sum(amount), 0) INTO n, total FROM ledger_postings WHERE transaction_id = tx_id;
    IF n = 0 THEN
        RAISE EXCEPTION 'ledger invariant NON_EMPTY: transaction % has no postings', tx_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger invariant BALANCED: postings of transaction % sum to %, not 0', tx_id, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER ledger_transactions_balanced AFTER INSERT ON ledger_transactions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
