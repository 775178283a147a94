package dev.starshop.fulfilment;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Multipart;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator uploads a FILE product's document; it comes back byte for byte. */
@MicronautTest
class ProductFileTest {

    static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + Api.ADMIN_TOKEN);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    JsonMapper json;

    Api api;

    @Inject
    void api() {
        api = new Api(http);
    }

    @Test
    void aFileRoundTripsWithItsSha256() throws Exception {
        String sku = fileProduct(api);
        byte[] pdf = pdf(300_000);

        var stored = new Multipart().file("file", "../../Payments e-book", "application/octet-stream", pdf)
                .post(uri(sku), ADMIN);

        assertEquals(201, stored.statusCode(), stored.body());
        Map<String, Object> file = json.readValue(stored.body(), Argument.mapOf(String.class, Object.class));
        assertEquals(FileUploads.sha256(pdf), file.get("sha256"));
        assertEquals("application/pdf", file.get("contentType"), "from the bytes, not the declared type");
        assertEquals("Payments e-book.pdf", file.get("fileName"), "no path, the type's extension");
        assertEquals(pdf.length, ((Number) file.get("sizeBytes")).intValue());
        assertEquals(FileUploads.sha256(pdf), new Db(dataSource).text("SELECT encode(sha256(f.content), 'hex') "
                + "FROM product_files f JOIN products p ON p.id = f.product_id WHERE p.sku = ?", sku));

        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(uri(sku) + "/content")).header("Authorization", ADMIN.get("Authorization")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aNewUploadReplacesTheFile() throws Exception {
        String sku = fileProduct(api);
        new Multipart().file("file", "a.pdf", "application/pdf", pdf(1000)).post(uri(sku), ADMIN);
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        var replaced = new Multipart().file("file", "cover.png", "image/png", png).post(uri(sku), ADMIN);
        assertEquals(201, replaced.statusCode(), replaced.body());
        assertEquals(1, new Db(dataSource).count("SELECT count(*) FROM product_files f JOIN products p "
                + "ON p.id = f.product_id WHERE p.sku = ?", sku));
        assertEquals("image/png", api.admin(HttpRequest.GET("/api/admin/products/" + sku + "/file"))
                .json().get("contentType"));
    }

    @Test
    void dangerousTypesAreRefusedWhateverTheirNameAndNothingIsWritten() throws Exception {
        String sku = fileProduct(api);
        byte[] exe = ("MZ\u0090\u0000" + "x".repeat(500)).getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(sku, "book.pdf", exe);
        assertRefused(sku, "page.txt", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertRefused(sku, "run.txt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(sku, "elf.zip", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        assertEquals(0, new Db(dataSource).count("SELECT count(*) FROM product_files f JOIN products p "
                + "ON p.id = f.product_id WHERE p.sku = ?", sku));
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeAuthentication() throws Exception {
        String head = "POST /api/admin/products/any/file HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (52_428_800 + 65_536 + 1)
                + "\r\n\r\n";
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", answer);
        }
    }

    @Test
    void aFileGoesOnlyToAFileProduct() throws Exception {
        String sku = "file-" + UUID.randomUUID().toString().substring(0, 8);
        api.admin(HttpRequest.POST("/api/admin/products", CodePoolUploadTest.product(sku, Map.of("kind", "NONE"))));
        var refused = new Multipart().file("file", "a.pdf", "application/pdf", pdf(100)).post(uri(sku), ADMIN);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("delivery-kind-mismatch"), refused.body());
        var anonymous = new Multipart().file("file", "a.pdf", "application/pdf", pdf(100)).post(uri(sku), Map.of());
        assertEquals(401, anonymous.statusCode());
    }

    private void assertRefused(String sku, String name, byte[] content) throws Exception {
        var refused = new Multipart().file("file", name, "application/pdf", content).post(uri(sku), ADMIN);
        assertEquals(415, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("file-type-refused"), refused.body());
    }

    URI uri(String sku) {
        return URI.create(server.getURL() + "/api/admin/products/" + sku + "/file");
    }

    static String fileProduct(Api api) {
        String sku = "file-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.admin(HttpRequest.POST("/api/admin/products",
                CodePoolUploadTest.product(sku, Map.of("kind", "FILE", "text", "Your copy, {buyerName}"))));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        return sku;
    }

    static byte[] pdf(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return Arrays.copyOf(content, size);
    }
}
