-- The per-buyer unpaid-order limit counts a buyer's payable orders on every new order
-- (OrderRepository.countUnpaid); this keeps that count to the few index entries it is about.
CREATE INDEX orders_unpaid_by_buyer ON orders (buyer_id, expires_at) WHERE status = 'PENDING_PAYMENT';
