package dev.starshop.backoffice.exports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Data rows in a downloaded export, counted by streaming through it (files of a million rows). */
final class ExportedFiles {

    private ExportedFiles() {
    }

    /** Lines after the header; the benchmark's data has no line breaks inside values. */
    static long csvRows(Path file) throws IOException {
        return count(Files.newInputStream(file), "\n".getBytes(StandardCharsets.US_ASCII)) - 1;
    }

    /** {@code <row} elements of the first worksheet after the header row; fails if the file is no XLSX. */
    static long xlsxRows(Path file) throws IOException {
        // ZipFile reads the central directory, as spreadsheet applications do; ZipInputStream cannot
        // follow fastexcel's streamed entries (sizes only in the data descriptors).
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            if (sheet == null) {
                throw new IOException("No xl/worksheets/sheet1.xml in " + file);
            }
            return count(zip.getInputStream(sheet), "<row ".getBytes(StandardCharsets.US_ASCII)) - 1;
        }
    }

    private static long count(InputStream stream, byte[] needle) throws IOException {
        try (InputStream in = stream) {
            byte[] buffer = new byte[1 << 16];
            long found = 0;
            int matched = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    matched = b == needle[matched] ? matched + 1 : (b == needle[0] ? 1 : 0);
                    if (matched == needle.length) {
                        found++;
                        matched = 0;
                    }
                }
            }
            return found;
        }
    }
}
