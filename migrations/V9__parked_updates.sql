-- Updates that failed on every attempt and were set aside so the updates after them could go on
-- (docs/telegram.md, "Poison updates"). Telegram was told the update was taken (webhook 200,
-- getUpdates offset moved past it), so this row is the only copy: it keeps the update byte for
-- byte as it arrived. BYTEA, not JSONB: an unreadable update need not be JSON PostgreSQL accepts.
-- An operator reads the list at GET /api/admin/updates/parked.
CREATE TABLE parked_updates (
    update_id BIGINT      PRIMARY KEY,
    source    TEXT        NOT NULL CHECK (source IN ('WEBHOOK', 'POLLING')),
    kind      TEXT        NOT NULL,
    attempts  INTEGER     NOT NULL CHECK (attempts >= 1),
    problem   TEXT        NOT NULL,
    reason    TEXT        NOT NULL,
    payload   BYTEA       NOT NULL,
    parked_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX parked_updates_by_time ON parked_updates (parked_at);
