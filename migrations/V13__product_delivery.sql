-- Fulfilment foundations (docs/fulfilment.md): what a product delivers, its pool of codes and its file.

-- What a buyer receives besides the receipt. The text is a template (placeholders such as {orderId},
-- checked when the product is saved); protect_content is Telegram's flag against forwarding and saving.
ALTER TABLE products
    ADD COLUMN delivery_kind            TEXT    NOT NULL DEFAULT 'NONE'
        CHECK (delivery_kind IN ('NONE', 'TEXT', 'CODES', 'FILE')),
    ADD COLUMN delivery_text            TEXT    CHECK (char_length(delivery_text) BETWEEN 1 AND 4096),
    ADD COLUMN delivery_protect_content BOOLEAN NOT NULL DEFAULT FALSE;

-- A CODES product's pool. Codes are secrets: no query of the exports or the admin views selects
-- the code column. A code is claimed once, by one unit of one order line, in the payment's
-- transaction; for a CODES product products.stock_available counts unclaimed codes minus the units
-- that open orders have reserved.
CREATE TABLE product_codes (
    id         BIGSERIAL PRIMARY KEY,
    product_id BIGINT      NOT NULL REFERENCES products (id),
    code       TEXT        NOT NULL CHECK (char_length(code) BETWEEN 1 AND 256),
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    order_id   UUID        REFERENCES orders (id),
    line_unit  INTEGER     CHECK (line_unit >= 0),
    claimed_at TIMESTAMPTZ,
    UNIQUE (product_id, code),
    -- One code per unit: claiming the same unit again finds the code it already has.
    UNIQUE (product_id, order_id, line_unit),
    CHECK ((order_id IS NULL) = (line_unit IS NULL) AND (order_id IS NULL) = (claimed_at IS NULL))
);

-- The next code to hand out, oldest first, without reading claimed ones.
CREATE INDEX product_codes_unclaimed ON product_codes (product_id, id) WHERE order_id IS NULL;

-- A FILE product's document, in the database so that it is as durable as the orders (same backup,
-- same transaction); one per product, replaced by a new upload.
CREATE TABLE product_files (
    product_id   BIGINT      PRIMARY KEY REFERENCES products (id),
    file_name    TEXT        NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    content_type TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes > 0),
    sha256       CHAR(64)    NOT NULL,
    content      BYTEA       NOT NULL,
    -- Telegram's file_id once the first sendDocument returned one; sent by id from then on.
    telegram_file_id TEXT,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
