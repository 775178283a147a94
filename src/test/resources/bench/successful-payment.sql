-- What the engine sends PostgreSQL for one successful_payment (a Stars order of one line) written
-- in a transaction of its own: the statements of InboxRepository, OrderRepository, PaymentRepository,
-- LedgerRepository, StarsValuations (the rate in force locked onto the Stars
-- transaction), the order-transition listeners (the order.paid event for the one enabled
-- endpoint, the sandbox's event receiver: endpoints, buyer, delivery row; what the lines deliver) and
-- OutboxRepository, in the order PaymentRecorder issues them (BEGIN, eleven statements, COMMIT, as
-- the JDBC driver's trace shows: run the bench with -Dbench.trace-sql=true). In a shared (group)
-- commit the engine writes the batch's inbox rows in one statement instead of one each, reads
-- the endpoints and the delivery kinds once per batch, and writes the batch's event deliveries and
-- receipts last, one statement each for the whole batch; the rest is the same per update. Run by pgbench -M prepared with -D tag=<orders' tag> -D i=0
-- -D buyer=<id> -D product=<the bench product's id> -D endpoint=<the enabled event endpoint's id>
-- (the event body is the engine's envelope for this order, built here as text): each client
-- counts its own transactions in :i, so :n is unique across clients and names an order the benchmark created beforehand as md5(tag-n).
-- Spaces after JSON colons keep pgbench from reading them as variables.
\set i :i + 1
\set n :client_id * 1000000 + :i
BEGIN;
INSERT INTO telegram_updates (update_id, kind, source, received_at, payload)
VALUES (2000000000000 + :client_id * 1000000 + :i, 'PaymentSucceeded', 'WEBHOOK', now(),
        ('{"update_id": ' || (2000000000000 + :n) || ', "message": {"message_id": ' || :i
         || ', "date": 1763800000, "from": {"id": ' || :buyer || ', "is_bot": false, "first_name": "Buyer", '
         || '"language_code": "en"}, "chat": {"id": ' || :buyer || ', "type": "private", "first_name": "Buyer"}, '
         || '"successful_payment": {"currency": "XTR", "total_amount": 100, "invoice_payload": "'
         || md5(:tag::text || '-' || :n)::uuid || '", "telegram_payment_charge_id": "' || :tag::text || '-' || :n
         || '", "provider_payment_charge_id": ""}}}')::jsonb)
ON CONFLICT (update_id) DO NOTHING;
SELECT o.id, o.buyer_id, o.status, o.currency, o.total_amount, o.invoice_link, o.created_at, o.expires_at,
       o.charged_amount, o.charged_shipping_amount, o.charged_tip_amount, o.discount_amount, o.promo_code,
       l.line_no, l.product_id, l.sku, l.title, l.kind, l.quantity, l.unit_amount
FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
WHERE o.id = md5(:tag::text || '-' || :n)::uuid ORDER BY l.line_no FOR UPDATE OF o;
INSERT INTO payments (telegram_payment_charge_id, kind, order_id, buyer_id, currency, total_amount,
                      provider_payment_charge_id, invoice_payload, shipping_option_id, shipping_amount, tip_amount,
                      order_info, subscription_expires_at, source, reference, review_reason, occurred_at,
                      needs_review, recorded_at)
VALUES (:tag::text || '-' || :n, 'PAYMENT', md5(:tag::text || '-' || :n)::uuid, :buyer, 'XTR', 100, '',
        md5(:tag::text || '-' || :n)::uuid::text, NULL, 0, 0, NULL::jsonb, NULL, 'TELEGRAM', NULL, NULL,
        to_timestamp(1763800000), false, now())
ON CONFLICT (telegram_payment_charge_id, kind) DO NOTHING;
WITH tx AS (
    INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at, order_id,
                                     buyer_id, telegram_charge_id, provider_charge_id, reverses_id)
    VALUES ('payment:' || :tag::text || '-' || :n, 'PAYMENT', 'XTR', to_timestamp(1763800000), now(),
            md5(:tag::text || '-' || :n)::uuid, :buyer, :tag::text || '-' || :n, '', NULL)
    ON CONFLICT DO NOTHING
    RETURNING id),
postings AS (
    INSERT INTO ledger_postings (transaction_id, account, currency, amount, nanos)
    SELECT tx.id, p.account, 'XTR', p.amount, p.nanos
    FROM tx, unnest('{telegram_stars_receivable,sales_revenue}'::text[], '{100,-100}'::bigint[], '{0,0}'::integer[])
             WITH ORDINALITY AS p(account, amount, nanos, n)
    ORDER BY p.n)
SELECT id AS ledger_id FROM tx \gset
WITH targets AS (
    SELECT t.id, (t.occurred_at AT TIME ZONE 'UTC')::date AS day, r.id AS rate_id, r.rate, r.effective_on, r.source
    FROM ledger_transactions t
    CROSS JOIN LATERAL (
        SELECT x.id, x.rate, x.effective_on, x.source FROM xtr_rates x
        WHERE x.currency = 'USD' AND x.effective_on <= (t.occurred_at AT TIME ZONE 'UTC')::date
        ORDER BY x.effective_on DESC LIMIT 1) r
    WHERE t.currency = 'XTR' AND t.id = :ledger_id::bigint
      AND NOT EXISTS (SELECT 1 FROM stars_valuations v WHERE v.transaction_id = t.id)
), valued AS (
    INSERT INTO stars_valuations (transaction_id, currency, value_date, exponent, rate_id, rate, rate_date,
                                  rate_source, valued_at)
    SELECT id, 'USD', day, 2, rate_id, rate, effective_on, source, now() FROM targets
    RETURNING transaction_id, rate
), exact AS (
    SELECT p.id, p.transaction_id, (p.amount::numeric * 1000000000 + p.nanos) * v.rate * 100 / 1000000000 AS value
    FROM ledger_postings p JOIN valued v ON v.transaction_id = p.transaction_id
), running AS (
    SELECT id, transaction_id, value, sum(value) OVER (PARTITION BY transaction_id ORDER BY id) AS upto FROM exact
)
INSERT INTO stars_posting_values (posting_id, transaction_id, fiat_amount)
SELECT id, transaction_id, (round(upto) - round(upto - value))::bigint FROM running;
WITH moved AS (
    UPDATE orders SET status = 'PAID', updated_at = now(),
                      charged_amount = coalesce(100::bigint, charged_amount),
                      charged_shipping_amount = coalesce(0::bigint, charged_shipping_amount),
                      charged_tip_amount = coalesce(0::bigint, charged_tip_amount)
    WHERE id = md5(:tag::text || '-' || :n)::uuid AND status = 'PENDING_PAYMENT'
    RETURNING id)
INSERT INTO order_events (order_id, at, kind, detail)
SELECT id, now(), 'PAID', 'paid 100 ⭐ (charge ' || :tag::text || '-' || :n || ')' FROM moved;
SELECT id, url, secret, origin, enabled, created_at FROM event_endpoints WHERE enabled ORDER BY id;
SELECT telegram_user_id, first_name, last_name, username, language_code FROM buyers
WHERE telegram_user_id = :buyer;
INSERT INTO event_deliveries (event_id, endpoint_id, type, ordering_key, body, next_attempt_at,
                              retry_until, created_at)
VALUES (md5('event-' || :tag::text || '-' || :n)::uuid, :endpoint, 'order.paid', md5(:tag::text || '-' || :n)::uuid::text,
        '{"id": "' || md5('event-' || :tag::text || '-' || :n)::uuid || '", "type": "order.paid", '
        || '"createdAt": "2026-12-05T21:00:00Z", "data": {"order": {"id": "' || md5(:tag::text || '-' || :n)::uuid
        || '", "status": "PAID", "currency": "XTR", "totalAmount": 100, "totalDecimal": "100", '
        || '"totalDisplay": "100 ⭐", "subtotalAmount": 100, "subtotalDisplay": "100 ⭐", "discountAmount": 0, '
        || '"discountDisplay": "0 ⭐", "promoCode": null, "invoiceLink": null, '
        || '"createdAt": "2026-12-05T20:59:00Z", "expiresAt": "2026-12-06T20:59:00Z", "lines": [{"sku": '
        || '"bench-stars", "title": "Bench item", "kind": "DIGITAL", "quantity": 1, "unitAmount": 100, '
        || '"lineAmount": 100, "lineDisplay": "100 ⭐"}], "payment": {"totalAmount": 100, "totalDisplay": '
        || '"100 ⭐", "shippingAmount": 0, "tipAmount": 0}}, "buyer": {"id": ' || :buyer
        || ', "firstName": "Bench", "lastName": null, "username": null, "languageCode": null}, '
        || '"reason": "paid 100 ⭐ (charge ' || :tag::text || '-' || :n || ')"}}',
        now(), now() + interval '3 days', now())
ON CONFLICT (event_id, endpoint_id) DO NOTHING;
SELECT id, delivery_kind FROM products WHERE id = :product;
INSERT INTO bot_outbox (dedupe_key, method, payload, created_at, next_attempt_at)
VALUES ('receipt' || ':' || 'PAYMENT' || ':' || :tag::text || '-' || :n, 'sendMessage',
        ('{"chat_id": ' || :buyer || ', "text": "Payment received: 100 ⭐ for order #' || left(md5(:tag::text || '-' || :n), 8)
         || '. Thank you!"}')::jsonb, now(), now())
ON CONFLICT (dedupe_key) DO NOTHING;
END;
