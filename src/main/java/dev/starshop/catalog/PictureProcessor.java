package dev.starshop.catalog;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an upload into the renditions the shop serves. The type comes from the bytes; the pixel
 * count is read from the header before anything is decoded (a small file can announce a huge
 * picture); the picture is then decoded by that type's reader only, and every rendition is encoded
 * afresh from the pixels, so EXIF, GPS, ICC profiles, comments and any trailing bytes (a polyglot's
 * payload) are gone. Pictures with transparency become PNG, the others JPEG.
 */
final class PictureProcessor {

    private static final float JPEG_QUALITY = 0.85f;

    private final long maxBytes;
    private final long maxPixels;

    PictureProcessor(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /** One stored size of a picture. */
    record Rendition(int size, String contentType, int width, int height, byte[] content) {
    }

    /** The checked picture: its original dimensions and its renditions, largest last. */
    record Processed(int width, int height, List<Rendition> renditions) {
        Rendition largest() {
            return renditions.get(renditions.size() - 1);
        }
    }

    Processed process(byte[] upload) {
        if (upload.length == 0) {
            throw new ProblemException(ProblemCode.EMPTY_UPLOAD, "The picture is empty");
        }
        if (upload.length > maxBytes) {
            throw new ProblemException(ProblemCode.IMAGE_TOO_LARGE, "The picture has " + upload.length
                    + " bytes; at most " + maxBytes + " are accepted", Map.of("limit", maxBytes));
        }
        PictureFormat format = PictureFormat.of(upload).orElseThrow(() -> refused(
                "The content is not a PNG, JPEG or WebP picture (checked from its bytes, not its name)"));
        BufferedImage image = decode(upload, format);
        return new Processed(image.getWidth(), image.getHeight(), renditions(image));
    }

    private BufferedImage decode(byte[] upload, PictureFormat format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
            if (!readers.hasNext()) {
                throw new IllegalStateException("No ImageIO reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true); // ignore metadata: it is never read, never kept
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new ProblemException(ProblemCode.IMAGE_TOO_MANY_PIXELS, "The picture is "
                            + reader.getWidth(0) + " × " + reader.getHeight(0) + " pixels; at most " + maxPixels
                            + " pixels are accepted", Map.of("limit", maxPixels));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw refused("The " + format + " picture could not be decoded");
        }
    }

    private static List<Rendition> renditions(BufferedImage image) {
        boolean transparent = image.getColorModel().hasAlpha();
        List<Rendition> renditions = new ArrayList<>();
        for (int size : ProductImage.sizesFor(image.getWidth())) {
            renditions.add(encode(image, size, transparent));
        }
        return List.copyOf(renditions);
    }

    private static Rendition encode(BufferedImage image, int width, boolean transparent) {
        try {
            BufferedImage scaled = Thumbnails.of(image).width(width).keepAspectRatio(true)
                    .imageType(transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(scaled).scale(1).outputFormat(transparent ? "png" : "jpg")
                    .outputQuality(transparent ? 1f : JPEG_QUALITY).toOutputStream(out);
            return new Rendition(width, transparent ? "image/png" : "image/jpeg", scaled.getWidth(),
                    scaled.getHeight(), out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Encoding a picture in memory failed", e);
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(ProblemCode.IMAGE_TYPE_REFUSED, detail);
    }
}
