package dev.starshop.catalog;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Product pictures: checked and re-encoded before any write (so a refused upload writes nothing),
 * then stored with the product locked; read back by content hash for the public image route.
 */
@Singleton
public class PictureUploads {

    private final CatalogService catalog;
    private final ProductImages images;
    private final PictureProcessor processor;

    PictureUploads(CatalogService catalog, ProductImages images,
                   @Value("${starshop.catalog.max-image-size:5242880}") long maxBytes,
                   @Value("${starshop.catalog.max-image-pixels:25000000}") long maxPixels) {
        this.catalog = catalog;
        this.images = images;
        this.processor = new PictureProcessor(maxBytes, maxPixels);
    }

    @Transactional
    ProductImage store(String sku, byte[] upload) {
        catalog.product(sku); // 404 before the work of decoding
        PictureProcessor.Processed picture = processor.process(upload);
        String sha256 = sha256(picture.largest().content());
        Product product = catalog.lockedProduct(sku);
        images.store(product.id(), sha256, picture);
        return ProductImage.of(sha256, picture.width(), picture.height());
    }

    @Transactional
    void remove(String sku) {
        if (!images.remove(catalog.lockedProduct(sku).id())) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "Product '" + sku + "' has no picture");
        }
    }

    @Transactional(readOnly = true)
    Optional<ProductImages.StoredRendition> rendition(String sha256, int size) {
        return images.rendition(sha256, size);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
