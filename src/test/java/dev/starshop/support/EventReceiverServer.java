package dev.starshop.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * An integrator's event receiver on the JDK's HTTP server, written from docs/events.md alone: it
 * verifies {@code Starshop-Signature} (HMAC-SHA256 of "t.body", hex, constant-time compare, 5 minute
 * tolerance), answers 400 to a bad signature, and keeps each event id once in its log of accepted
 * events (a duplicate on the wire is answered 200 and not kept again). {@link #answerNext} scripts
 * failures.
 */
public final class EventReceiverServer implements AutoCloseable {

    /** One POST as it arrived. */
    public record Arrival(String eventId, String type, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Arrival> wire = new ArrayList<>();
    private final Map<String, String> accepted = new LinkedHashMap<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private Integer refusing;

    private EventReceiverServer(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public static EventReceiverServer start(String secret) {
        return new EventReceiverServer(secret);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next answers, in order, before the receiver goes back to verifying and answering 200. */
    public synchronized void answerNext(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** Answers {@code status} to everything (no verification, nothing accepted) until {@link #acceptAgain}. */
    public synchronized void refuseAll(int status) {
        refusing = status;
    }

    public synchronized void acceptAgain() {
        refusing = null;
    }

    public synchronized List<Arrival> wire() {
        return List.copyOf(wire);
    }

    /** Accepted events by id, each once, in arrival order: what the integrator's system acted on. */
    public synchronized Map<String, String> accepted() {
        return new LinkedHashMap<>(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String signature = exchange.getRequestHeaders().getFirst("Starshop-Signature");
        int status;
        synchronized (this) {
            Integer scripted = script.pollFirst();
            status = refusing != null ? refusing : scripted != null ? scripted : verified(signature, body) ? 200 : 400;
            String id = exchange.getRequestHeaders().getFirst("Starshop-Event-Id");
            if (status == 200) {
                accepted.putIfAbsent(id, body);
            }
            wire.add(new Arrival(id, exchange.getRequestHeaders().getFirst("Starshop-Event-Type"), signature, body,
                    status));
        }
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** docs/events.md, "Verifying a signature", step by step. */
    public boolean verified(String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t == null || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8);
            return v1.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
