-- Every update Telegram delivered, once: the primary key makes redeliveries no-ops.
CREATE TABLE telegram_updates (
    update_id   BIGINT PRIMARY KEY,
    kind        TEXT        NOT NULL,
    source      TEXT        NOT NULL CHECK (source IN ('WEBHOOK', 'POLLING')),
    received_at TIMESTAMPTZ NOT NULL,
    payload     JSONB       NOT NULL
);

CREATE INDEX telegram_updates_by_time ON telegram_updates (received_at);

-- Bot messages decided inside a transaction and sent after it commits, at most once per key.
-- A row is claimed before the call; only a call known not to have reached Telegram is retried.
CREATE TABLE bot_outbox (
    id              BIGSERIAL PRIMARY KEY,
    dedupe_key      TEXT        NOT NULL UNIQUE,
    method          TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    status          TEXT        NOT NULL DEFAULT 'PENDING'
                        CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN')),
    finished_at     TIMESTAMPTZ,
    last_error      TEXT
);

CREATE INDEX bot_outbox_due ON bot_outbox (next_attempt_at) WHERE status = 'PENDING';

-- Where long polling resumes: the next getUpdates offset, advanced only after commit.
CREATE TABLE telegram_polling_offset (
    bot_id      BIGINT PRIMARY KEY,
    next_offset BIGINT NOT NULL
);
