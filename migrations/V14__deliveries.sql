-- Digital delivery (docs/fulfilment.md): one row per unit of an order that delivers TEXT, CODES or
-- FILE, written in the payment's transaction and sent after it commits by DeliverySender.

CREATE TABLE deliveries (
    id                  BIGSERIAL PRIMARY KEY,
    order_id            UUID        NOT NULL REFERENCES orders (id),
    line_no             INTEGER     NOT NULL,
    -- The unit's number across the order's units (0, 1, …), the same number CodePool.claim uses.
    line_unit           INTEGER     NOT NULL CHECK (line_unit >= 0),
    product_id          BIGINT      NOT NULL REFERENCES products (id),
    kind                TEXT        NOT NULL CHECK (kind IN ('TEXT', 'CODES', 'FILE')),
    -- The claimed code of a CODES unit; NULL while the pool had none (the delivery is FAILED then).
    code_id             BIGINT      REFERENCES product_codes (id),
    chat_id             BIGINT      NOT NULL,
    status              TEXT        NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'REVOKED')),
    -- Calls started for this delivery; a claim adds one before the call.
    attempts            INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at     TIMESTAMPTZ NOT NULL,
    -- A SENDING row whose lease ran out belongs to a sender that died mid-call: claimed again.
    lease_until         TIMESTAMPTZ,
    last_error          TEXT,
    telegram_message_id BIGINT,
    sent_at             TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (order_id, line_unit),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no),
    CHECK ((status = 'SENDING') = (lease_until IS NOT NULL))
);

-- The sender's question: what is due (PENDING) or abandoned (SENDING past its lease)?
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX deliveries_by_order ON deliveries (order_id);

-- A refunded order's codes: revoked, kept claimed (never handed out again) unless the operator
-- lets revoked codes return to the pool (starshop.fulfilment.revoked-codes-return-to-pool).
ALTER TABLE product_codes ADD COLUMN revoked_at TIMESTAMPTZ;
