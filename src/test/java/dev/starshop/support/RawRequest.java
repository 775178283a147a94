package dev.starshop.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte on its own socket: the request target goes out
 * exactly as given ({@code //a}, {@code /a/./b}, {@code /a%2F}, {@code /a;x=1}), which typed
 * clients normalise or refuse. For the path-spelling tests of docs/security.md.
 */
public final class RawRequest {

    private static final int TIMEOUT_MILLIS = 15_000;

    /** The status code and the raw head and body (at most what arrived before the server closed). */
    public record Answer(int status, String text) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private RawRequest() {
    }

    public static Answer send(URI server, String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head(server, method, target, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream(), method);
        } catch (IOException e) {
            throw new AssertionError(method + " " + target + " got no answer: " + e, e);
        }
    }

    private static String head(URI server, String method, String target, Map<String, String> headers, int length) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static Answer read(InputStream in, String method) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1 && received.size() < 1_000_000; ) {
            received.write(buffer, 0, n);
        }
        String text = received.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
            throw new AssertionError(method + ": not an HTTP answer: " + text);
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }
}
