package dev.starshop.fulfilment;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file types a product may deliver, recognised from the content's first bytes (never from the
 * name or the declared type, which the uploader chooses). Everything else is refused: programs
 * (Windows, Linux, macOS, Android packages are zip files but not EPUB… see {@link #ZIP}), scripts,
 * HTML, SVG and office documents with macros cannot pass, because none of them starts like these.
 */
enum FileType {
    PDF("application/pdf", "pdf"),
    EPUB("application/epub+zip", "epub"),
    ZIP("application/zip", "zip"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    MP3("audio/mpeg", "mp3"),
    MP4("video/mp4", "mp4", "m4a", "m4v"),
    TEXT("text/plain", "txt");

    private static final byte[] EPUB_MIMETYPE = "mimetypeapplication/epub+zip".getBytes(StandardCharsets.US_ASCII);

    private final String contentType;
    private final List<String> extensions;

    FileType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    String contentType() {
        return contentType;
    }

    /** The name with this type's extension, added when the name ends otherwise. */
    String withExtension(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return extensions.contains(extension) ? name : name + "." + extensions.get(0);
    }

    static Optional<FileType> of(byte[] content) {
        if (startsWith(content, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, new byte[] {'P', 'K', 3, 4})) {
            // EPUB: a zip whose first entry is the uncompressed "mimetype" file (OCF container spec).
            return Optional.of(startsWith(content, 30, EPUB_MIMETYPE) ? EPUB : ZIP);
        }
        if (startsWith(content, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, "ID3".getBytes(StandardCharsets.US_ASCII))
                || content.length > 1 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE6) == 0xE2) {
            return Optional.of(MP3);
        }
        if (startsWith(content, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(MP4);
        }
        return isPlainText(content) ? Optional.of(TEXT) : Optional.empty();
    }

    /**
     * UTF-8 without control characters besides tab and line breaks, and not markup or a script
     * ({@code <} or {@code #!} first): those could run if a browser or a shell met them.
     */
    private static boolean isPlainText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        String start = text.stripLeading().replace("\uFEFF", "");
        if (start.startsWith("<") || start.startsWith("#!")) {
            return false;
        }
        return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
