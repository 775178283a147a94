-- Where an order came from (docs/orders.md, "Attribution"): the Mini App's start_param from the
-- verified initData at order creation, and its parts. One row per attributed order; an order opened
-- without a link has none (its source reads as "direct").
CREATE TABLE order_attributions (
    order_id    UUID PRIMARY KEY REFERENCES orders (id),
    start_param TEXT NOT NULL CHECK (char_length(start_param) BETWEEN 1 AND 512),
    source      TEXT CHECK (char_length(source) BETWEEN 1 AND 64),
    campaign    TEXT CHECK (char_length(campaign) BETWEEN 1 AND 64),
    referrer    TEXT CHECK (char_length(referrer) BETWEEN 1 AND 64),
    product_sku TEXT,
    category    TEXT
);

CREATE INDEX order_attributions_by_source ON order_attributions (source);
