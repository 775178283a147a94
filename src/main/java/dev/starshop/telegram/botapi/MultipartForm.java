package dev.starshop.telegram.botapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body written out in full, so it goes with a Content-Length (Telegram takes
 * chunked bodies, the sandbox emulator refuses them, and a document is at most 50 MiB anyway).
 */
final class MultipartForm {

    private final String boundary = "starshop-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static MultipartForm of(Map<String, String> fields, String fileField, DocumentUpload file) {
        MultipartForm form = new MultipartForm();
        fields.forEach(form::field);
        form.file(fileField, file);
        return form;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        write("--" + boundary + "--\r\n");
        return body.toByteArray();
    }

    private void field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private void file(String name, DocumentUpload file) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + quoted(file.fileName()) + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
        body.writeBytes(file.content());
        write("\r\n");
    }

    /** A file name inside a quoted header parameter: no quotes, backslashes or line breaks. */
    private static String quoted(String name) {
        return name.replaceAll("[\"\\\\\r\n]", "_");
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
