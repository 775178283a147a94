-- Shoppers as Telegram identified them, refreshed on each order (exports name them).
CREATE TABLE buyers (
    telegram_user_id BIGINT PRIMARY KEY,
    first_name       TEXT,
    last_name        TEXT,
    username         TEXT,
    language_code    TEXT,
    first_seen_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id                  UUID PRIMARY KEY,
    buyer_id            BIGINT      NOT NULL REFERENCES buyers (telegram_user_id),
    status              TEXT        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'FULFILLED',
                                        'CANCELLED', 'EXPIRED', 'REFUNDED', 'NEEDS_REVIEW')),
    currency            CHAR(3)     NOT NULL,
    total_amount        BIGINT      NOT NULL CHECK (total_amount > 0),
    invoice_link        TEXT,
    -- The client's Idempotency-Key and a digest of what it asked for under that key.
    idempotency_key     TEXT,
    request_fingerprint TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (buyer_id, idempotency_key)
);

CREATE INDEX orders_by_buyer ON orders (buyer_id, created_at DESC);
CREATE INDEX orders_awaiting_expiry ON orders (expires_at) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE order_lines (
    order_id     UUID    NOT NULL REFERENCES orders (id),
    line_no      INTEGER NOT NULL,
    product_id   BIGINT  NOT NULL REFERENCES products (id),
    sku          TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    unit_amount  BIGINT  NOT NULL CHECK (unit_amount > 0),
    line_amount  BIGINT  NOT NULL CHECK (line_amount = unit_amount * quantity),
    PRIMARY KEY (order_id, line_no)
);

-- The order's timeline: every state change and decision, append-only.
CREATE TABLE order_events (
    id         BIGSERIAL PRIMARY KEY,
    order_id   UUID        NOT NULL REFERENCES orders (id),
    at         TIMESTAMPTZ NOT NULL,
    kind       TEXT        NOT NULL,
    detail     TEXT
);

CREATE INDEX order_events_by_order ON order_events (order_id, id);
