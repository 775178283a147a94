-- Signed event webhooks (docs/events.md) and operator alerts (docs/operations.md, "Operator chat").

-- Where events go: from STARSHOP_EVENTS_URL (CONFIG), the console (CONSOLE), or the sandbox's own
-- receiver page (SANDBOX). Each endpoint signs with its own secret.
CREATE TABLE event_endpoints (
    id         BIGSERIAL PRIMARY KEY,
    url        TEXT        NOT NULL UNIQUE,
    secret     TEXT        NOT NULL,
    origin     TEXT        NOT NULL CHECK (origin IN ('CONFIG', 'CONSOLE', 'SANDBOX')),
    enabled    BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL
);

-- The event outbox: one row per event and endpoint, written in the transaction that made the event,
-- sent after commit, at least once. ordering_key (an order id) holds a later event of the same
-- order back while an earlier one is PENDING on the same endpoint.
CREATE TABLE event_deliveries (
    id              BIGSERIAL PRIMARY KEY,
    event_id        UUID        NOT NULL,
    endpoint_id     BIGINT      NOT NULL REFERENCES event_endpoints (id) ON DELETE CASCADE,
    type            TEXT        NOT NULL,
    ordering_key    TEXT,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    retry_until     TIMESTAMPTZ NOT NULL,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (event_id, endpoint_id)
);

CREATE INDEX event_deliveries_due ON event_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX event_deliveries_in_order ON event_deliveries (endpoint_id, ordering_key, id) WHERE status = 'PENDING';

-- Alerts for the operator chat, written in the transaction that found the news; batched into bot
-- outbox messages (sent_in is that message's dedupe key) by the operator chat worker.
CREATE TABLE operator_alerts (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT        NOT NULL,
    dedupe_key TEXT UNIQUE,
    facts      JSONB       NOT NULL,
    status     TEXT        NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'QUEUED', 'SENT')),
    sent_in    TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ
);

CREATE INDEX operator_alerts_waiting ON operator_alerts (id) WHERE status <> 'SENT';
