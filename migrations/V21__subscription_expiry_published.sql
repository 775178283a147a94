-- subscription.expired is published once per lapse (docs/events.md): this marks the lapse announced.
-- A renewal that extends the subscription clears it, so a later lapse is announced again.
ALTER TABLE subscriptions ADD COLUMN expiry_published_at TIMESTAMPTZ;

-- Subscriptions that lapsed before events existed are history, not news.
UPDATE subscriptions SET expiry_published_at = expires_at WHERE expires_at <= now();

CREATE INDEX subscriptions_lapsing ON subscriptions (expires_at) WHERE expiry_published_at IS NULL;
