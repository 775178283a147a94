package dev.starshop.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an upload's container says, read from its bytes before any decoding: where the picture
 * ends (so a file that goes on after it, a polyglot carrying a ZIP, HTML or a script, is refused),
 * and for a JPEG its EXIF segment (for the orientation only; nothing of it is kept).
 *
 * The ends: a PNG's IEND chunk (walking the chunks by their lengths); a JPEG's EOI marker (walking
 * the segments by their lengths, and the entropy-coded data after each SOS up to the next marker);
 * a WebP's RIFF size. Zero bytes after the end are tolerated (some cameras pad); anything else is not.
 */
final class PictureContainer {

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;

    private PictureContainer() {
    }

    /** The offset just past the picture, or empty when the picture is cut short or malformed. */
    static OptionalInt end(byte[] content, PictureFormat format) {
        try {
            return switch (format) {
                case PNG -> pngEnd(content);
                case JPEG -> jpegEnd(content);
                case WEBP -> webpEnd(content);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether only zero bytes (or nothing) follow {@code end}. */
    static boolean nothingAfter(byte[] content, int end) {
        for (int i = end; i < content.length; i++) {
            if (content[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A JPEG's first APP1 segment that holds EXIF, from its "Exif\0\0" header on. */
    static Optional<byte[]> jpegExif(byte[] content) {
        int at = 2;
        while (at + 4 <= content.length && (content[at] & 0xFF) == 0xFF) {
            int marker = content[at + 1] & 0xFF;
            if (marker == SOS || marker == EOI) {
                return Optional.empty();
            }
            int length = u16(content, at + 2);
            int payload = at + 4;
            if (marker == APP1 && payload + EXIF_HEADER.length <= content.length
                    && Arrays.equals(content, payload, payload + EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
                return Optional.of(Arrays.copyOfRange(content, payload, Math.min(content.length, at + 2 + length)));
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static OptionalInt pngEnd(byte[] content) {
        int at = 8;
        while (at + 12 <= content.length) {
            long length = u32(content, at);
            String type = new String(content, at + 4, 4, StandardCharsets.ISO_8859_1);
            long next = at + 12 + length;
            if (next > content.length) {
                return OptionalInt.empty();
            }
            if (type.equals("IEND")) {
                return OptionalInt.of((int) next);
            }
            at = (int) next;
        }
        return OptionalInt.empty();
    }

    private static OptionalInt jpegEnd(byte[] content) {
        int at = 2;
        while (at + 1 < content.length) {
            if ((content[at] & 0xFF) != 0xFF) {
                return OptionalInt.empty();
            }
            int marker = content[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                at++;
                continue;
            }
            if (marker == EOI) {
                return OptionalInt.of(at + 2);
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) { // standalone markers
                at += 2;
                continue;
            }
            at += 2 + u16(content, at + 2);
            if (marker == SOS) {
                at = nextMarker(content, at);
            }
        }
        return OptionalInt.empty();
    }

    /** Past entropy-coded data: the next 0xFF that is neither a stuffed 0x00 nor a restart marker. */
    private static int nextMarker(byte[] content, int at) {
        while (at + 1 < content.length) {
            int next = content[at + 1] & 0xFF;
            if ((content[at] & 0xFF) == 0xFF && next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
                return at;
            }
            at++;
        }
        return content.length;
    }

    private static OptionalInt webpEnd(byte[] content) {
        long end = 8 + (u32le(content, 4) + 1) / 2 * 2;
        return end <= content.length ? OptionalInt.of((int) end) : OptionalInt.empty();
    }

    private static int u16(byte[] content, int at) {
        return (content[at] & 0xFF) << 8 | content[at + 1] & 0xFF;
    }

    private static long u32(byte[] content, int at) {
        return (long) u16(content, at) << 16 | u16(content, at + 2);
    }

    private static long u32le(byte[] content, int at) {
        return (content[at] & 0xFFL) | (content[at + 1] & 0xFFL) << 8 | (content[at + 2] & 0xFFL) << 16
                | (content[at + 3] & 0xFFL) << 24;
    }
}
