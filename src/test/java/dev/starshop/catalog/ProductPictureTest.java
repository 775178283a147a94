package dev.starshop.catalog;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Multipart;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators upload product pictures; shoppers get clean, cacheable renditions; bad uploads write nothing. */
@MicronautTest
class ProductPictureTest {

    private static final String SECRET = "GPS 48.8584 N 2.2945 E, camera serial 0042";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    Api api;
    Db db;
    String sku;

    @BeforeEach
    void product() {
        api = new Api(http);
        db = new Db(dataSource);
        sku = ShopFixture.product("picture").price("XTR", 10).create(api);
    }

    @Test
    void anUploadedPhotoIsServedWithoutItsMetadataInResponsiveSizes() throws Exception {
        HttpResponse<String> uploaded = upload(withExif(jpeg(800, 600), SECRET), "holiday.jpg");

        assertEquals(201, uploaded.statusCode(), uploaded.body());
        Map<?, ?> image = json.readValue(uploaded.body(), Map.class);
        String srcset = (String) image.get("srcset");
        assertTrue(srcset.contains("/160 160w") && srcset.contains("/320 320w") && srcset.contains("/640 640w"), srcset);
        Map<?, ?> listed = catalogEntry();
        assertEquals(image.get("url"), ((Map<?, ?>) listed.get("image")).get("url"));

        HttpResponse<byte[]> served = get((String) image.get("url"), null);
        assertEquals(200, served.statusCode());
        assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(contains(served.body(), "Exif"), "the EXIF segment is gone");
        assertFalse(contains(served.body(), SECRET), "nothing of the metadata survives");
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(served.body()));
        assertEquals(640, decoded.getWidth());
        assertEquals(480, decoded.getHeight());
    }

    @Test
    void picturesAreCachedForeverAndAnsweredWithNotModified() throws Exception {
        Map<?, ?> image = json.readValue(upload(png(200, 100), "logo.png").body(), Map.class);
        String url = (String) image.get("url");
        assertTrue(url.endsWith("/200"), "a narrow original is kept at its own width: " + url);

        HttpResponse<byte[]> served = get(url, null);
        assertEquals("public, max-age=31536000, immutable", served.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElseThrow());
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(url, etag).statusCode());
        assertEquals(404, get(url.replace("/200", "/201"), null).statusCode());
    }

    @Test
    void somethingThatIsNotAPictureIsRefusedByItsBytesAndNothingIsWritten() throws Exception {
        long renditions = db.count("SELECT count(*) FROM image_renditions");
        assertRefused(upload("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8), "cute.png"), 415, "image-type-refused");
        byte[] polyglot = Arrays.copyOf(png(10, 10), 40); // a PNG signature, then not a picture
        Arrays.fill(polyglot, 33, 40, (byte) '<');
        assertRefused(upload(polyglot, "polyglot.png"), 415, "image-type-refused");
        assertEquals(renditions, db.count("SELECT count(*) FROM image_renditions"));
        assertEquals(0, db.count("SELECT count(*) FROM product_images i JOIN products p ON p.id = i.product_id "
                + "WHERE p.sku = ?", sku));
    }

    @Test
    void tooManyPixelsOrTooManyBytesAreRefusedAndNothingIsWritten() throws Exception {
        BufferedImage huge = new BufferedImage(6000, 5000, BufferedImage.TYPE_BYTE_BINARY); // 30 Mpx, tiny file
        assertRefused(upload(encode(huge, "png"), "huge.png"), 422, "image-too-many-pixels");
        byte[] heavy = Arrays.copyOf(png(10, 10), 5_242_881);
        assertRefused(upload(heavy, "heavy.png"), 413, "image-too-large");
        assertEquals(0, db.count("SELECT count(*) FROM product_images i JOIN products p ON p.id = i.product_id "
                + "WHERE p.sku = ?", sku));
    }

    private void assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(code, json.readValue(response.body(), Map.class).get("code"));
    }

    private Map<?, ?> catalogEntry() {
        return api.get("/api/catalog").json().get("products") instanceof java.util.List<?> products
                ? products.stream().map(p -> (Map<?, ?>) p).filter(p -> sku.equals(p.get("sku"))).findFirst().orElseThrow()
                : Map.of();
    }

    private HttpResponse<String> upload(byte[] content, String name) throws Exception {
        return new Multipart().file("image", name, "image/png", content)
                .post(server.getURI().resolve("/api/admin/products/" + sku + "/image"),
                        Map.of("Authorization", "Bearer " + Api.ADMIN_TOKEN));
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] jpeg(int width, int height) {
        return encode(drawing(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    static byte[] png(int width, int height) {
        return encode(drawing(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    private static BufferedImage drawing(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The JPEG with an APP1 "Exif" segment right after SOI, as cameras write it, holding {@code text}. */
    static byte[] withExif(byte[] jpeg, String text) {
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\b" + text).getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        assertTrue(contains(out.toByteArray(), text));
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
