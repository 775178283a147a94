-- 20,000 buyers, 300,000 orders (1 in 500 NEEDS_REVIEW), a payment for each paid one. For
-- admin-order-list-queries.sql; load migrations V1..V7 first, then this, then time, then V8, time again.
INSERT INTO buyers (telegram_user_id, first_name, username)
SELECT g, 'Buyer', 'user' || g FROM generate_series(1, 20000) g;
INSERT INTO orders (id, buyer_id, status, currency, total_amount, created_at, expires_at, updated_at)
SELECT gen_random_uuid(), 1 + (g % 20000),
       CASE WHEN g % 500 = 0 THEN 'NEEDS_REVIEW' WHEN g % 3 = 0 THEN 'EXPIRED' ELSE 'PAID' END,
       CASE WHEN g % 4 = 0 THEN 'USD' ELSE 'XTR' END, 100,
       timestamptz '2026-01-01' + g * interval '13 seconds', timestamptz '2026-01-02', timestamptz '2026-01-01'
FROM generate_series(1, 300000) g;
INSERT INTO payments (telegram_payment_charge_id, kind, order_id, buyer_id, currency, total_amount, source, occurred_at, recorded_at)
SELECT 'ch' || row_number() OVER (), 'PAYMENT', id, buyer_id, currency, total_amount, 'TELEGRAM', created_at, created_at
FROM orders WHERE status IN ('PAID', 'NEEDS_REVIEW');
ANALYZE;
