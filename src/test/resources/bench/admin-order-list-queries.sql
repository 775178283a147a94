-- The admin order list (OrderListQuery) exactly as sent, one prepared statement per filter shape.
PREPARE page_all(int) AS
SELECT o.id, o.status, o.currency, o.total_amount, o.created_at, b.telegram_user_id, b.username, b.first_name, b.last_name,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind IN ('PAYMENT', 'RENEWAL')) AS paid,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind = 'REFUND') AS refunded
FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id WHERE TRUE ORDER BY o.created_at DESC, o.id DESC LIMIT $1;
PREPARE page_status(text[], int) AS
SELECT o.id, o.status, o.currency, o.total_amount, o.created_at, b.telegram_user_id, b.username, b.first_name, b.last_name,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind IN ('PAYMENT', 'RENEWAL')) AS paid,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind = 'REFUND') AS refunded
FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id WHERE TRUE AND o.status = ANY($1) ORDER BY o.created_at DESC, o.id DESC LIMIT $2;
PREPARE page_user(text, int) AS
SELECT o.id, o.status, o.currency, o.total_amount, o.created_at, b.telegram_user_id, b.username, b.first_name, b.last_name,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind IN ('PAYMENT', 'RENEWAL')) AS paid,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind = 'REFUND') AS refunded
FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id WHERE TRUE AND lower(b.username) = lower($1) ORDER BY o.created_at DESC, o.id DESC LIMIT $2;
PREPARE page_deep(timestamptz, uuid, int) AS
SELECT o.id, o.status, o.currency, o.total_amount, o.created_at, b.telegram_user_id, b.username, b.first_name, b.last_name,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind IN ('PAYMENT', 'RENEWAL')) AS paid,
  (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id AND p.currency = o.currency AND p.kind = 'REFUND') AS refunded
FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id WHERE TRUE AND (o.created_at, o.id) < ($1, $2) ORDER BY o.created_at DESC, o.id DESC LIMIT $3;
\timing on
EXECUTE page_all(51);
EXECUTE page_status('{NEEDS_REVIEW}', 51);
EXECUTE page_user('USER12345', 51);
-- Run this file's EXECUTE block several times; psql prints each statement's time.
EXECUTE page_all(51);
EXECUTE page_status('{NEEDS_REVIEW}', 51);
EXECUTE page_user('USER12345', 51);
EXECUTE page_deep(timestamptz '2026-01-11', '00000000-0000-0000-0000-000000000000', 51);
