package dev.starshop.catalog;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A shelf of the shop: the Mini App's category bar shows them in {@code position} order.
 *
 * @param slug the category's name in links ({@code startapp=c_<slug>}) and in product bodies
 */
@Serdeable
public record Category(String slug, String title, int position) {
}
