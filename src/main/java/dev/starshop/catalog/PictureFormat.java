package dev.starshop.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The picture types an operator may upload, recognised from their first bytes (never from the file
 * name or the declared content type). SVG is never accepted: it can carry scripts.
 */
enum PictureFormat {
    PNG("png"),
    JPEG("jpeg"),
    WEBP("webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String imageIoName;

    PictureFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The ImageIO format name whose reader (and only that one) decodes the upload. */
    String imageIoName() {
        return imageIoName;
    }

    static Optional<PictureFormat> of(byte[] content) {
        if (startsWith(content, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
                && (content[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (content.length >= 12 && ascii(content, 0, "RIFF") && ascii(content, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean ascii(byte[] content, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (content[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
