-- What the buyer was actually charged for an order (cards may add shipping and a tip to the
-- items), so the order and its receipt show the real amount.
ALTER TABLE orders
    ADD COLUMN charged_amount          BIGINT,
    ADD COLUMN charged_shipping_amount BIGINT,
    ADD COLUMN charged_tip_amount      BIGINT;
