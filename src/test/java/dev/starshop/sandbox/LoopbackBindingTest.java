package dev.starshop.sandbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Sandbox mode listens on loopback unless the operator exposes it. */
@MicronautTest
class LoopbackBindingTest {

    @Inject
    EmbeddedServer server;

    @Inject
    HttpServerConfiguration configuration;

    @Test
    void withoutABotTokenTheServerListensOnLoopbackOnly() {
        assertEquals(Optional.of("127.0.0.1"), configuration.getHost());
        assertTrue(reachable(InetAddress.getLoopbackAddress(), server.getPort()));
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address to try");
        assertFalse(reachable(outside.get(), server.getPort()), "reachable on " + outside.get());
    }

    @Test
    void exposedTheServerListensOnEveryInterface() {
        Optional<InetAddress> outside = nonLoopbackAddress();
        try (EmbeddedServer exposed = ApplicationContext.run(EmbeddedServer.class,
                Map.of("starshop.sandbox.expose", "true", "micronaut.server.port", "-1"), "test")) {
            assertTrue(exposed.getApplicationContext().getBean(HttpServerConfiguration.class).getHost().isEmpty());
            assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address to try");
            assertTrue(reachable(outside.get(), exposed.getPort()), "not reachable on " + outside.get());
        }
    }

    @Test
    void anExplicitHostWinsAndOnlyANonLoopbackOneCountsAsExposed() {
        assertEquals(new LoopbackBinding.Decision("127.0.0.1", true, false), LoopbackBinding.decide(false, null, false));
        assertEquals(new LoopbackBinding.Decision(null, false, true), LoopbackBinding.decide(true, null, false));
        assertEquals(new LoopbackBinding.Decision("0.0.0.0", false, true), LoopbackBinding.decide(false, "0.0.0.0", false));
        assertEquals(new LoopbackBinding.Decision("localhost", false, false),
                LoopbackBinding.decide(true, "localhost", false));
        assertEquals(new LoopbackBinding.Decision("::1", false, false), LoopbackBinding.decide(false, "::1", false));
        assertEquals(new LoopbackBinding.Decision(null, false, true), LoopbackBinding.decide(false, null, true));
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces().filter(LoopbackBindingTest::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
