-- The admin order list (backoffice.orders.OrderListQuery) reads newest first, keyset-paginated on
-- (created_at, id), optionally for one state (the NEEDS_REVIEW queue) or one buyer username.
CREATE INDEX orders_newest_first ON orders (created_at DESC, id DESC);
CREATE INDEX orders_by_status_newest_first ON orders (status, created_at DESC, id DESC);
CREATE INDEX buyers_by_username ON buyers (lower(username));
