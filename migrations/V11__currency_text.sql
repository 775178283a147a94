-- Currency codes as TEXT holding exactly three capital letters (ISO 4217, and XTR for Stars), instead
-- of CHAR(3). CHAR pads and compares ignoring trailing blanks, so every reader had to trim; TEXT
-- returns what was stored. TEXT + CHECK rather than VARCHAR(3) + CHECK: the pattern already fixes the
-- length, so a VARCHAR limit would only be a second, weaker statement of the same rule; every other
-- string column here is TEXT.
--
-- Existing rows keep their values: CHAR(3) -> TEXT drops trailing blanks, which a three-letter code
-- has none of; a shorter or lower-case code would fail the CHECK and stop the migration (fix the row).
-- Each ALTER rewrites its table (CHAR -> TEXT is not binary-compatible) under an exclusive lock.
-- No row triggers fire, so the ledger's append-only guards do not object. PostgreSQL rebuilds what
-- depends on these columns itself: the keys product_prices (product_id, currency) and
-- ledger_transactions (id, currency), and the foreign keys (reverses_id, currency) and
-- ledger_postings (transaction_id, currency) that make "one currency per transaction" declarative.
-- No view or other index reads a currency column (V1-V10).

ALTER TABLE product_prices
    ALTER COLUMN currency TYPE TEXT,
    ADD CONSTRAINT product_prices_currency_code CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE orders
    ALTER COLUMN currency TYPE TEXT,
    ADD CONSTRAINT orders_currency_code CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE ledger_transactions
    ALTER COLUMN currency TYPE TEXT,
    ADD CONSTRAINT ledger_transactions_currency_code CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE ledger_postings
    ALTER COLUMN currency TYPE TEXT,
    ADD CONSTRAINT ledger_postings_currency_code CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE payments
    ALTER COLUMN currency TYPE TEXT,
    ADD CONSTRAINT payments_currency_code CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE subscriptions
    ALTER COLUMN currency TYPE TEXT,
    ADD CONSTRAINT subscriptions_currency_code CHECK (currency ~ '^[A-Z]{3}$');
