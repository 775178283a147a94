package dev.starshop.catalog;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

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
 * picture); a file that goes on after the picture's end (a polyglot) is refused
 * ({@link PictureContainer}); the picture is then decoded by that type's reader only, turned upright
 * by a JPEG's EXIF orientation (phones store portraits sideways and say so there), and every
 * rendition is encoded afresh from the pixels, so EXIF, GPS, ICC profiles and comments are gone.
 * Pictures with transparency become PNG, the others JPEG.
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
        checkEnd(upload, format);
        BufferedImage decoded = decode(upload, format);
        boolean transparent = decoded.getColorModel().hasAlpha();
        BufferedImage image = format == PictureFormat.JPEG ? upright(decoded, upload) : decoded;
        return new Processed(image.getWidth(), image.getHeight(), renditions(image, transparent));
    }

    private static void checkEnd(byte[] upload, PictureFormat format) {
        int end = PictureContainer.end(upload, format).orElseThrow(() -> refused(
                "The " + format + " picture is cut short or malformed"));
        if (!PictureContainer.nothingAfter(upload, end)) {
            throw refused("The file goes on for " + (upload.length - end) + " bytes after the end of its " + format
                    + " picture; a picture with something else appended (a polyglot) is refused. "
                    + "Save it again as a plain " + format + " and upload that");
        }
    }

    /**
     * The picture as it should be seen: a JPEG's EXIF orientation (1–8) applied to the pixels, since
     * the renditions keep no EXIF to tell a viewer. An EXIF segment that cannot be read changes nothing.
     */
    private static BufferedImage upright(BufferedImage image, byte[] upload) {
        Orientation orientation = PictureContainer.jpegExif(upload).map(PictureProcessor::orientation).orElse(null);
        if (orientation == null || orientation == Orientation.TOP_LEFT) {
            return image;
        }
        return ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
    }

    private static Orientation orientation(byte[] exif) {
        try {
            return ExifUtils.getOrientationFromExif(exif);
        } catch (RuntimeException unreadable) {
            return null;
        }
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

    private static List<Rendition> renditions(BufferedImage image, boolean transparent) {
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
