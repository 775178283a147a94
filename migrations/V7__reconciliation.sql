-- Reconciliation with Telegram's Stars transaction history: one row per run, its findings below.
CREATE TABLE reconciliation_runs (
    id                BIGSERIAL PRIMARY KEY,
    trigger           TEXT        NOT NULL CHECK (trigger IN ('ON_DEMAND', 'SCHEDULE')),
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    status            TEXT        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    -- Counts: Telegram transactions read, those already on file, discrepancies recorded, flagged.
    transactions_seen INTEGER     NOT NULL DEFAULT 0,
    matched           INTEGER     NOT NULL DEFAULT 0,
    recorded          INTEGER     NOT NULL DEFAULT 0,
    flagged           INTEGER     NOT NULL DEFAULT 0,
    failure           TEXT
);

CREATE TABLE reconciliation_findings (
    id                         BIGSERIAL PRIMARY KEY,
    run_id                     BIGINT NOT NULL REFERENCES reconciliation_runs (id),
    kind                       TEXT   NOT NULL CHECK (kind IN ('MISSING_PAYMENT', 'OUTSIDE_REFUND', 'CHARGEBACK',
                                                               'UNKNOWN_TO_TELEGRAM')),
    telegram_payment_charge_id TEXT   NOT NULL,
    detail                     TEXT   NOT NULL,
    action                     TEXT   NOT NULL CHECK (action IN ('RECORDED', 'RECORDED_FOR_REVIEW', 'FLAGGED',
                                                                 'FAILED'))
);

CREATE INDEX reconciliation_findings_by_run ON reconciliation_findings (run_id, id);
CREATE INDEX reconciliation_findings_by_charge ON reconciliation_findings (telegram_payment_charge_id);
