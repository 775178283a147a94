-- Promo codes scoped to catalog categories (docs/promotions.md): a CATEGORIES code takes its
-- discount off the lines whose product is, when the order is placed, in one of its categories.

ALTER TABLE promo_codes DROP CONSTRAINT promo_codes_scope_check;
ALTER TABLE promo_codes ADD CONSTRAINT promo_codes_scope_check CHECK (scope IN ('ALL', 'SKUS', 'CATEGORIES'));

-- Deleting a category drops it from the codes scoped to it; such a code keeps scope CATEGORIES, so
-- with none left it matches no line (it never widens to the whole order).
CREATE TABLE promo_code_categories (
    promo_code_id BIGINT NOT NULL REFERENCES promo_codes (id),
    category_id   BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    PRIMARY KEY (promo_code_id, category_id)
);

CREATE INDEX promo_code_categories_category ON promo_code_categories (category_id);

-- Each line's share of the order's discount (docs/promotions.md, "Rounding"): the shares of an
-- order's lines add up to orders.discount_amount exactly; 0 on lines out of the code's scope and on
-- orders without a code. NULL on lines of orders placed before shares were kept (not allocated).
ALTER TABLE order_lines
    ADD COLUMN discount_amount BIGINT CHECK (discount_amount >= 0 AND discount_amount <= line_amount);
