-- Promo codes (docs/promotions.md): what a code takes off, when and how often it may be used, and
-- the use each order reserves. Orders carry the discount they were priced with; the ledger gets the
-- contra-revenue account sales_discounts.

CREATE TABLE promo_codes (
    id                 BIGSERIAL PRIMARY KEY,
    -- Normalised: trimmed, upper case; buyers type it in any case.
    code               TEXT        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{2,31}$'),
    kind               TEXT        NOT NULL CHECK (kind IN ('PERCENT', 'FIXED')),
    percent_off        INTEGER     CHECK (percent_off BETWEEN 1 AND 100),
    -- ALL: every line; SKUS: only the lines listed in promo_code_skus (CATEGORIES comes with categories).
    scope              TEXT        NOT NULL CHECK (scope IN ('ALL', 'SKUS')),
    starts_at          TIMESTAMPTZ,
    ends_at            TIMESTAMPTZ,
    max_uses           INTEGER     CHECK (max_uses > 0),
    max_uses_per_buyer INTEGER     CHECK (max_uses_per_buyer > 0),
    active             BOOLEAN     NOT NULL DEFAULT true,
    created_at         TIMESTAMPTZ NOT NULL,
    deactivated_at     TIMESTAMPTZ,
    CHECK ((kind = 'PERCENT') = (percent_off IS NOT NULL)),
    CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at)
);

-- Per currency: the fixed amount off (FIXED codes) and the smallest order subtotal the code needs.
CREATE TABLE promo_code_amounts (
    promo_code_id BIGINT NOT NULL REFERENCES promo_codes (id),
    currency      TEXT   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    purpose       TEXT   NOT NULL CHECK (purpose IN ('AMOUNT_OFF', 'MINIMUM_ORDER')),
    amount        BIGINT NOT NULL CHECK (amount > 0),
    PRIMARY KEY (promo_code_id, purpose, currency)
);

CREATE TABLE promo_code_skus (
    promo_code_id BIGINT NOT NULL REFERENCES promo_codes (id),
    sku           TEXT   NOT NULL,
    PRIMARY KEY (promo_code_id, sku)
);

-- One row per order placed with a code. It counts toward the limits until released (the order
-- expired or was cancelled); a paid or refunded order keeps its use.
CREATE TABLE promo_redemptions (
    order_id        UUID        PRIMARY KEY REFERENCES orders (id),
    promo_code_id   BIGINT      NOT NULL REFERENCES promo_codes (id),
    buyer_id        BIGINT      NOT NULL,
    currency        TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    discount_amount BIGINT      NOT NULL CHECK (discount_amount > 0),
    reserved_at     TIMESTAMPTZ NOT NULL,
    released_at     TIMESTAMPTZ
);

CREATE INDEX promo_redemptions_held ON promo_redemptions (promo_code_id, buyer_id) WHERE released_at IS NULL;

-- The order's total stays what the buyer pays; the discount is kept beside it
-- (subtotal = total_amount + discount_amount).
ALTER TABLE orders
    ADD COLUMN discount_amount BIGINT NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
    ADD COLUMN promo_code      TEXT;

ALTER TABLE ledger_postings DROP CONSTRAINT ledger_postings_account_check;
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_account_check
    CHECK (account IN ('telegram_stars_receivable', 'provider_receivable', 'sales_revenue', 'shipping_revenue',
                       'tips_revenue', 'sales_refunds', 'chargebacks', 'affiliate_commissions', 'affiliate_income',
                       'telegram_fees', 'gifts_expense', 'stars_in_transit', 'stars_withdrawn', 'sales_discounts'));
