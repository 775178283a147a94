package dev.starshop.fulfilment;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Multipart;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file over the limit, with the limit lowered to 100 kB so the test need not send 50 MB: one just
 * over is refused by the store (file-too-large), a body beyond limit + framing by the route's limit.
 */
@MicronautTest
@Property(name = "starshop.fulfilment.max-file-size", value = "100000")
class ProductFileLimitTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsWritten() throws Exception {
        String sku = ProductFileTest.fileProduct(new Api(http));
        URI uri = URI.create(server.getURL() + "/api/admin/products/" + sku + "/file");

        var justOver = new Multipart().file("file", "a.pdf", "application/pdf", ProductFileTest.pdf(100_001))
                .post(uri, ProductFileTest.ADMIN);
        var farOver = new Multipart().file("file", "a.pdf", "application/pdf", ProductFileTest.pdf(200_000))
                .post(uri, ProductFileTest.ADMIN);
        var atTheLimit = new Multipart().file("file", "a.pdf", "application/pdf", ProductFileTest.pdf(100_000))
                .post(uri, ProductFileTest.ADMIN);

        assertEquals(413, justOver.statusCode(), justOver.body());
        assertTrue(justOver.body().contains("file-too-large"), justOver.body());
        assertEquals(413, farOver.statusCode(), farOver.body());
        assertTrue(farOver.body().contains("payload-too-large"), farOver.body());
        assertEquals(201, atTheLimit.statusCode(), atTheLimit.body());
        assertEquals(100_000, new Db(dataSource).count("SELECT f.size_bytes FROM product_files f "
                + "JOIN products p ON p.id = f.product_id WHERE p.sku = ?", sku));
    }
}
