-- Storefront (docs/catalog.md): categories for the Mini App's category bar, and product pictures
-- uploaded in the console, kept in the database (same backup and transaction as the catalog).

CREATE TABLE categories (
    id         BIGSERIAL PRIMARY KEY,
    -- The slug is the category's name in links (startapp c_<slug>): letters, digits and '-' only.
    slug       TEXT        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](-?[a-z0-9])*$' AND char_length(slug) <= 32),
    title      TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 32),
    position   INTEGER     NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE products ADD COLUMN category_id BIGINT REFERENCES categories (id);

-- A product's picture: the re-encoded original (metadata gone) and its smaller renditions. The
-- SHA-256 of the re-encoded original names the picture in URLs (/images/<sha256>/<width>), so a
-- URL always shows the same bytes and can be cached forever; a new upload gets a new URL.
CREATE TABLE product_images (
    product_id  BIGINT      PRIMARY KEY REFERENCES products (id),
    sha256      CHAR(64)    NOT NULL,
    width       INTEGER     NOT NULL CHECK (width > 0),
    height      INTEGER     NOT NULL CHECK (height > 0),
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE image_renditions (
    sha256       CHAR(64) NOT NULL,
    -- 0 is the full-size re-encoded original; others are widths (no upscaling: at most the original's).
    size         INTEGER  NOT NULL CHECK (size >= 0),
    content_type TEXT     NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        INTEGER  NOT NULL CHECK (width > 0),
    height       INTEGER  NOT NULL CHECK (height > 0),
    content      BYTEA    NOT NULL,
    PRIMARY KEY (sha256, size)
);
