-- What the engine sends PostgreSQL for one successful_payment (a Stars order of one line), in one
-- transaction: the statements of InboxRepository, OrderRepository, PaymentRepository,
-- LedgerRepository, StarsValuations and OutboxRepository in the order PaymentRecorder issues them (BEGIN,
-- eleven statements, COMMIT, as the JDBC driver's trace shows: run the bench with -Dbench.trace-sql=true). Run by pgbench -M prepared with -D tag=<orders' tag> -D i=0 -D buyer=<id>: each client
-- counts its own transactions in :i, so :n is unique across clients and names an order the
-- benchmark created beforehand as md5(tag-n). Spaces after JSON colons keep pgbench from reading
-- them as variables.
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
SELECT id, buyer_id, status, currency, total_amount, invoice_link, created_at, expires_at,
       charged_amount, charged_shipping_amount, charged_tip_amount
FROM orders WHERE id = md5(:tag::text || '-' || :n)::uuid FOR UPDATE;
SELECT order_id, line_no, product_id, sku, title, kind, quantity, unit_amount
FROM order_lines WHERE order_id = ANY(ARRAY[md5(:tag::text || '-' || :n)::uuid]) ORDER BY order_id, line_no;
INSERT INTO payments (telegram_payment_charge_id, kind, order_id, buyer_id, currency, total_amount,
                      provider_payment_charge_id, invoice_payload, shipping_option_id, shipping_amount, tip_amount,
                      order_info, subscription_expires_at, source, reference, review_reason, occurred_at,
                      needs_review, recorded_at)
VALUES (:tag::text || '-' || :n, 'PAYMENT', md5(:tag::text || '-' || :n)::uuid, :buyer, 'XTR', 100, '',
        md5(:tag::text || '-' || :n)::uuid::text, NULL, 0, 0, NULL::jsonb, NULL, 'TELEGRAM', NULL, NULL,
        to_timestamp(1763800000), false, now())
ON CONFLICT (telegram_payment_charge_id, kind) DO NOTHING;
INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at, order_id,
                                 buyer_id, telegram_charge_id, provider_charge_id, reverses_id)
VALUES ('payment:' || :tag::text || '-' || :n, 'PAYMENT', 'XTR', to_timestamp(1763800000), now(),
        md5(:tag::text || '-' || :n)::uuid, :buyer, :tag::text || '-' || :n, '', NULL)
ON CONFLICT DO NOTHING
RETURNING id AS ledger_id \gset
INSERT INTO ledger_postings (transaction_id, account, currency, amount)
SELECT :ledger_id::bigint, p.account, 'XTR', p.amount
FROM unnest('{telegram_stars_receivable,sales_revenue}'::text[], '{100,-100}'::bigint[]) WITH ORDINALITY AS p(account, amount, n)
ORDER BY p.n;
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
UPDATE orders SET status = 'PAID', updated_at = now()
WHERE id = md5(:tag::text || '-' || :n)::uuid AND status = 'PENDING_PAYMENT';
INSERT INTO order_events (order_id, at, kind, detail)
VALUES (md5(:tag::text || '-' || :n)::uuid, now(), 'PAID', 'paid 100 ⭐ (charge ' || :tag::text || '-' || :n || ')');
UPDATE orders SET charged_amount = 100, charged_shipping_amount = 0, charged_tip_amount = 0
WHERE id = md5(:tag::text || '-' || :n)::uuid;
INSERT INTO bot_outbox (dedupe_key, method, payload, created_at, next_attempt_at)
VALUES ('receipt' || ':' || 'PAYMENT' || ':' || :tag::text || '-' || :n, 'sendMessage',
        ('{"chat_id": ' || :buyer || ', "text": "Payment received: 100 ⭐ for order #' || left(md5(:tag::text || '-' || :n), 8)
         || '. Thank you!"}')::jsonb, now(), now())
ON CONFLICT (dedupe_key) DO NOTHING;
END;
