-- Physical goods (docs/fulfilment.md, "Physical goods"): the fulfilment steps an operator set on a
-- paid order, one row per step. They are not order states: the order stays PAID while it is packed
-- and shipped, and DELIVERED moves it to FULFILLED. A step is set once (the primary key), and
-- SHIPPED carries the carrier and the tracking number.
CREATE TABLE shipment_steps (
    order_id        UUID        NOT NULL REFERENCES orders (id),
    step            TEXT        NOT NULL CHECK (step IN ('PACKED', 'SHIPPED', 'DELIVERED')),
    carrier         TEXT        CHECK (char_length(carrier) BETWEEN 1 AND 64),
    tracking_number TEXT        CHECK (char_length(tracking_number) BETWEEN 1 AND 64),
    tracking_url    TEXT        CHECK (tracking_url LIKE 'https://%' AND char_length(tracking_url) <= 2048),
    at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, step),
    CHECK (step <> 'SHIPPED' OR (carrier IS NOT NULL AND tracking_number IS NOT NULL))
);
