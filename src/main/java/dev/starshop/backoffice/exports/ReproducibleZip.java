package dev.starshop.backoffice.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the ZIP stream fastexcel writes into one whose bytes depend on the content only.
 * fastexcel 0.19.0 stamps {@code Instant.now()} into {@code docProps/core.xml} and offers no way to
 * set it; this stream receives fastexcel's bytes, inflates each entry as it arrives and deflates it
 * again into a standard ZIP with a fixed entry time, replacing the document's created/modified
 * times with {@code stamp}. It works push-wise, entry by entry, so memory stays bounded by the
 * compression window whatever the size of the sheet.
 *
 * <p>It deflates at {@link Deflater#BEST_SPEED}: on a million-row sheet (740 MB of XML) level 1
 * took a quarter of the default level's (6) time for a file 24 % larger (docs/performance.md, section 3).
 *
 * <p>It reads the layout of fastexcel's writer (opczip): local headers, deflated data, a ZIP64 data
 * descriptor of 24 bytes after each entry, then the central directory, which is dropped because
 * {@link ZipOutputStream} writes its own.
 */
final class ReproducibleZip extends OutputStream {

    private static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    private static final int LOCAL_HEADER_SIZE = 30;
    private static final int DATA_DESCRIPTOR_SIZE = 24;
    private static final String CORE_PROPERTIES = "docProps/core.xml";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private enum State { HEADER, DATA, DESCRIPTOR, CENTRAL_DIRECTORY }

    private final ZipOutputStream zip;
    private final String stamp;
    private final Inflater inflater = new Inflater(true);
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final byte[] inflated = new byte[64 * 1024];
    private State state = State.HEADER;
    private int headerSize = 4;
    private int descriptorLeft;
    private ByteArrayOutputStream heldBack;

    ReproducibleZip(OutputStream out, Instant stamp) {
        this.zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        this.stamp = stamp.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int used = switch (state) {
                case HEADER -> readHeader(bytes, offset, length);
                case DATA -> inflate(bytes, offset, length);
                case DESCRIPTOR -> skipDescriptor(length);
                case CENTRAL_DIRECTORY -> length;
            };
            offset += used;
            length -= used;
        }
    }

    /** Writes the rewritten archive's central directory; the target stream stays open. */
    void finish() throws IOException {
        if (state != State.CENTRAL_DIRECTORY) {
            throw new IOException("The workbook's ZIP stream ended inside an entry (" + state + ")");
        }
        zip.finish();
        inflater.end();
    }

    private int readHeader(byte[] bytes, int offset, int length) throws IOException {
        int used = Math.min(length, headerSize - header.size());
        header.write(bytes, offset, used);
        if (header.size() < headerSize) {
            return used;
        }
        byte[] h = header.toByteArray();
        if (headerSize == 4 && int32(h, 0) != LOCAL_HEADER_SIGNATURE) {
            state = State.CENTRAL_DIRECTORY;
        } else if (headerSize == 4) {
            headerSize = LOCAL_HEADER_SIZE;
        } else if (headerSize == LOCAL_HEADER_SIZE) {
            headerSize += int16(h, 26) + int16(h, 28); // then the name and the extra field
        } else {
            startEntry(new String(h, LOCAL_HEADER_SIZE, int16(h, 26), StandardCharsets.UTF_8));
        }
        return used;
    }

    private void startEntry(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        heldBack = CORE_PROPERTIES.equals(name) ? new ByteArrayOutputStream() : null;
        inflater.reset();
        header.reset();
        headerSize = 4;
        state = State.DATA;
    }

    private int inflate(byte[] bytes, int offset, int length) throws IOException {
        inflater.setInput(bytes, offset, length);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(inflated);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return length;
                }
                (heldBack != null ? heldBack : zip).write(inflated, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("The workbook's ZIP stream is not what fastexcel writes", e);
        }
        endEntry();
        return length - inflater.getRemaining();
    }

    private void endEntry() throws IOException {
        if (heldBack != null) {
            String xml = heldBack.toString(StandardCharsets.UTF_8).replaceAll(
                    "(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\\2>)", "$1" + stamp + "$3");
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
        descriptorLeft = DATA_DESCRIPTOR_SIZE;
        state = State.DESCRIPTOR;
    }

    private int skipDescriptor(int length) {
        int used = Math.min(length, descriptorLeft);
        descriptorLeft -= used;
        if (descriptorLeft == 0) {
            state = State.HEADER;
        }
        return used;
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return int16(b, at) | int16(b, at + 2) << 16;
    }
}
