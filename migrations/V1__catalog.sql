-- Catalog: products, their prices per currency and their stock.
CREATE TABLE products (
    id              BIGSERIAL PRIMARY KEY,
    sku             TEXT        NOT NULL UNIQUE,
    title           TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 32),
    description     TEXT        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 255),
    photo_url       TEXT,
    kind            TEXT        NOT NULL CHECK (kind IN ('DIGITAL', 'PHYSICAL', 'SUBSCRIPTION')),
    active          BOOLEAN     NOT NULL DEFAULT TRUE,
    -- NULL means unlimited; otherwise units still free to reserve.
    stock_available INTEGER     CHECK (stock_available >= 0),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE product_prices (
    product_id BIGINT  NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    currency   CHAR(3) NOT NULL,
    amount     BIGINT  NOT NULL CHECK (amount > 0),
    PRIMARY KEY (product_id, currency)
);
