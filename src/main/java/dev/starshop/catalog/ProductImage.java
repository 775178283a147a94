package dev.starshop.catalog;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * A product's uploaded picture, named by the SHA-256 of its re-encoded bytes (docs/catalog.md).
 *
 * @param url    the largest rendition's path, {@code /images/<sha256>/<size>}
 * @param srcset every rendition as an HTML {@code srcset} ("/images/…/320 320w, …")
 */
@Serdeable
public record ProductImage(String sha256, int width, int height, String url, String srcset) {

    /** Widths made from every upload, smallest first; none is wider than the original. */
    static final List<Integer> WIDTHS = List.of(160, 320, 640);

    static ProductImage of(String sha256, int width, int height) {
        List<Integer> sizes = sizesFor(width);
        String srcset = String.join(", ", sizes.stream()
                .map(size -> path(sha256, size) + " " + size + "w").toList());
        return new ProductImage(sha256, width, height, path(sha256, sizes.get(sizes.size() - 1)), srcset);
    }

    /** The widths kept for an original this wide: the standard ones below it, and its own when narrower. */
    static List<Integer> sizesFor(int originalWidth) {
        int largest = WIDTHS.get(WIDTHS.size() - 1);
        List<Integer> sizes = new ArrayList<>(WIDTHS.stream().filter(w -> w < originalWidth).toList());
        if (originalWidth <= largest) {
            sizes.add(originalWidth);
        }
        return List.copyOf(sizes);
    }

    static String path(String sha256, int size) {
        return "/images/" + sha256 + "/" + size;
    }
}
