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
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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

    /**
     * A phone stores a portrait as a landscape JPEG and says "rotate 90° clockwise" in EXIF
     * (Orientation 6). The stored picture is 300 × 200 with a red block in its top-left corner;
     * upright it is 200 × 300 with the block in the top-right corner.
     */
    @Test
    void aPhonesSidewaysJpegIsServedUprightFromItsExifOrientation() throws Exception {
        BufferedImage stored = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(BLUE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(RED);
        g.fillRect(0, 0, 60, 40);
        g.dispose();

        HttpResponse<String> uploaded = upload(withOrientation(encode(stored, "jpg"), 6), "IMG_0042.jpg");

        assertEquals(201, uploaded.statusCode(), uploaded.body());
        Map<?, ?> image = json.readValue(uploaded.body(), Map.class);
        assertTrue(((String) image.get("srcset")).contains("/200 200w"), "sized from the upright width, 200");
        BufferedImage served = served((String) image.get("url"));
        assertEquals(List.of(200, 300), List.of(served.getWidth(), served.getHeight()), "width and height swapped");
        assertColour(RED, served, 185, 20, "the stored top-left corner is now top-right");
        assertColour(BLUE, served, 15, 20, "top-left");
        assertColour(BLUE, served, 185, 280, "bottom-right");
        BufferedImage small = served(((String) image.get("url")).replace("/200", "/160"));
        assertEquals(List.of(160, 240), List.of(small.getWidth(), small.getHeight()));
        assertColour(RED, small, 150, 15, "the smaller size is upright too");
    }

    /** There is no Java WebP writer: Chromium's canvas encodes a real one. */
    @Test
    void aWebpFromChromiumIsAcceptedAndServedAsJpegInEachSize() throws Exception {
        byte[] webp = webpFromChromium(400, 300);
        assertTrue(new String(webp, 0, 16, StandardCharsets.ISO_8859_1).startsWith("RIFF")
                && new String(webp, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP"), "a real WebP file");

        HttpResponse<String> uploaded = upload(webp, "banner.webp");

        assertEquals(201, uploaded.statusCode(), uploaded.body());
        Map<?, ?> image = json.readValue(uploaded.body(), Map.class);
        String url = (String) image.get("url");
        assertTrue(url.endsWith("/400"), url);
        for (int width : List.of(160, 320, 400)) {
            HttpResponse<byte[]> response = get(url.replace("/400", "/" + width), null);
            assertEquals(200, response.statusCode());
            assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElseThrow(),
                    "an opaque picture is served as JPEG");
            BufferedImage served = ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
            assertEquals(List.of(width, width * 3 / 4), List.of(served.getWidth(), served.getHeight()));
            assertColour(RED, served, 2, 2, "the red corner at " + width);
            assertColour(BLUE, served, width - 3, width * 3 / 4 - 3, "the blue field at " + width);
        }
    }

    @Test
    void polyglotsAndHtmlNamedLikeAPictureAreRefusedAndNothingIsWritten() throws Exception {
        long renditions = db.count("SELECT count(*) FROM image_renditions");
        byte[] zip = "PK\u0003\u0004\u0014\u0000\u0000\u0000evil.html<script>alert(1)</script>"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] html = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(upload(concat(png(40, 30), zip), "archive.png"), 415, "image-type-refused");
        assertRefused(upload(concat(jpeg(40, 30), html), "photo.jpg"), 415, "image-type-refused");
        assertRefused(upload(concat(webpFromChromium(40, 30), html), "photo.webp"), 415, "image-type-refused");
        assertRefused(upload(("GIF89a/*\u0001\u0000\u0001\u0000\u0000\u0000\u0000;*/=1;alert(1)//")
                .getBytes(StandardCharsets.ISO_8859_1), "anim.gif"), 415, "image-type-refused");
        assertRefused(upload(html, "photo.jpg"), 415, "image-type-refused");
        HttpResponse<String> polyglot = upload(concat(png(40, 30), zip), "archive.png");
        assertTrue(polyglot.body().contains("polyglot"), polyglot.body());

        assertEquals(renditions, db.count("SELECT count(*) FROM image_renditions"));
        assertEquals(0, db.count("SELECT count(*) FROM product_images i JOIN products p ON p.id = i.product_id "
                + "WHERE p.sku = ?", sku));
        assertEquals(201, upload(concat(png(40, 30), new byte[16]), "padded.png").statusCode(),
                "zero padding after the end is tolerated (some cameras write it)");
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

    private static final Color RED = new Color(220, 20, 20);
    private static final Color BLUE = new Color(30, 120, 200);

    private BufferedImage served(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, null);
        assertEquals(200, response.statusCode(), path);
        return ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
    }

    /** The pixel is within JPEG's loss of the colour. */
    private static void assertColour(Color expected, BufferedImage image, int x, int y, String where) {
        Color actual = new Color(image.getRGB(x, y));
        int distance = Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue());
        assertTrue(distance < 60, where + ": " + actual + " at " + x + "," + y + ", expected " + expected);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * The JPEG with an APP1 EXIF segment right after SOI, as phones write it: a big-endian TIFF
     * header and IFD0 with one entry, Orientation (0x0112, SHORT) = {@code orientation}.
     */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0MM\0*".getBytes(StandardCharsets.ISO_8859_1));
        exif.writeBytes(new byte[] {0, 0, 0, 8}); // IFD0 right after the 8-byte TIFF header
        exif.writeBytes(new byte[] {0, 1}); // one entry
        exif.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
        exif.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        int length = exif.size() + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(exif.toByteArray());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A WebP encoded by Chromium's canvas (the system Chromium through Playwright): 400 × 300 opaque,
     * blue with a red block in the top-left fifth. Skipped where there is no Chromium, except in CI.
     */
    static byte[] webpFromChromium(int width, int height) {
        Path chromium = Path.of(System.getProperty("starshop.test.chromium", "/usr/bin/chromium"));
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium);
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(chromium).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")))) {
            String dataUrl = (String) browser.newPage().evaluate("([width, height]) => {"
                    + " const canvas = document.createElement('canvas');"
                    + " canvas.width = width; canvas.height = height;"
                    + " const g = canvas.getContext('2d', { alpha: false });"
                    + " g.fillStyle = 'rgb(30,120,200)'; g.fillRect(0, 0, width, height);"
                    + " g.fillStyle = 'rgb(220,20,20)'; g.fillRect(0, 0, width / 5, height / 5);"
                    + " return canvas.toDataURL('image/webp', 0.95); }", List.of(width, height));
            assertTrue(dataUrl.startsWith("data:image/webp;base64,"), "Chromium encodes WebP: " + dataUrl.substring(0, 30));
            return Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
        }
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
