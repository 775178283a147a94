package dev.starshop.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which picture Telegram may fetch for the invoice: only what is reachable over HTTPS. */
class InvoicePhotoTest {

    private static final ProductImage UPLOADED = ProductImage.of("a".repeat(64), 800, 600);

    @Test
    void theUploadedPictureIsUsedWhenTheEngineIsPublicOverHttps() {
        assertEquals(Optional.of("https://shop.example/images/" + "a".repeat(64) + "/640"),
                product("/app/img/mug.svg", UPLOADED).invoicePhotoUrl("https://shop.example/"));
    }

    @Test
    void withoutAnHttpsEngineOnlyATypedHttpsUrlIsUsed() {
        assertEquals(Optional.empty(), product(null, UPLOADED).invoicePhotoUrl("http://localhost:8080"));
        assertEquals(Optional.empty(), product(null, UPLOADED).invoicePhotoUrl(null));
        assertEquals(Optional.of("https://cdn.example/mug.jpg"),
                product("https://cdn.example/mug.jpg", null).invoicePhotoUrl(null));
        assertEquals(Optional.empty(), product("/app/img/mug.svg", null).invoicePhotoUrl("https://shop.example"));
    }

    private static Product product(String photoUrl, ProductImage image) {
        return new Product(1, "mug", "Mug", "A mug.", photoUrl, ProductKind.PHYSICAL, true, null, List.of(),
                Delivery.NONE, null, image);
    }
}
