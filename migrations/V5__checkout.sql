-- Money Telegram reported: one row per charge id and kind, whatever happened to the order.
CREATE TABLE payments (
    id                         BIGSERIAL PRIMARY KEY,
    telegram_payment_charge_id TEXT        NOT NULL,
    kind                       TEXT        NOT NULL CHECK (kind IN ('PAYMENT', 'RENEWAL', 'REFUND', 'CHARGEBACK')),
    -- NULL when the invoice payload names no order of ours: recorded all the same.
    order_id                   UUID REFERENCES orders (id),
    buyer_id                   BIGINT,
    currency                   CHAR(3)     NOT NULL,
    total_amount               BIGINT      NOT NULL CHECK (total_amount > 0),
    provider_payment_charge_id TEXT,
    invoice_payload            TEXT,
    shipping_option_id         TEXT,
    shipping_amount            BIGINT      NOT NULL DEFAULT 0,
    tip_amount                 BIGINT      NOT NULL DEFAULT 0,
    order_info                 JSONB,
    subscription_expires_at    TIMESTAMPTZ,
    -- Where we learned of it: a Telegram update, the operator (card refunds), reconciliation.
    source                     TEXT        NOT NULL CHECK (source IN ('TELEGRAM', 'OPERATOR', 'RECONCILIATION')),
    reference                  TEXT,
    needs_review               BOOLEAN     NOT NULL DEFAULT FALSE,
    review_reason              TEXT,
    occurred_at                TIMESTAMPTZ NOT NULL,
    recorded_at                TIMESTAMPTZ NOT NULL,
    UNIQUE (telegram_payment_charge_id, kind)
);

CREATE INDEX payments_by_order ON payments (order_id);
CREATE INDEX payments_needing_review ON payments (recorded_at) WHERE needs_review;

-- Stars subscriptions: the first charge starts one; renewals extend it.
CREATE TABLE subscriptions (
    id                         UUID PRIMARY KEY,
    buyer_id                   BIGINT      NOT NULL,
    first_order_id             UUID        NOT NULL REFERENCES orders (id),
    telegram_payment_charge_id TEXT        NOT NULL UNIQUE,
    currency                   CHAR(3)     NOT NULL,
    amount                     BIGINT      NOT NULL,
    expires_at                 TIMESTAMPTZ NOT NULL,
    cancelled                  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL
);

CREATE INDEX subscriptions_by_buyer ON subscriptions (buyer_id);
