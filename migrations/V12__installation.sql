-- Whose books these are: one shop's bot (its numeric id, never the token) or the sandbox.
-- The engine writes the first row at its first start and refuses to start against books of another
-- bot or mode (dev.starshop.platform.installation). An operator moving a shop to a new bot token
-- (starshop.installation.adopt=true) appends a row; rows are never updated or deleted, so the
-- newest row is the owner and the older ones are its history. Numbered 20 to stay clear of
-- migrations other branches add meanwhile.
CREATE TABLE installation_owners (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mode        TEXT NOT NULL CHECK (mode IN ('SANDBOX', 'BOT')),
    bot_id      BIGINT,
    adopted     BOOLEAN NOT NULL DEFAULT false,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((mode = 'BOT') = (bot_id IS NOT NULL))
);
