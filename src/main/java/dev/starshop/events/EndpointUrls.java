package dev.starshop.events;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which endpoint URLs the engine will send events to (docs/events.md, "Endpoint URLs and SSRF").
 * http(s) only, no credentials in the URL, a host that resolves, never the engine itself, and no
 * link-local (cloud metadata), multicast or unspecified address ever; no loopback or private address
 * unless {@code starshop.events.allow-private-targets} says the shop's receivers live there.
 */
final class EndpointUrls {

    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost");
    private static final int MAX_LENGTH = 2048;

    private EndpointUrls() {
    }

    /**
     * Returns the URL as it will be used, or refuses it with {@code invalid-request} and a reason.
     *
     * @param self the engine's own addresses (host:port as the server and the public URL name them)
     */
    static String check(@Nullable String url, boolean allowPrivate, Set<String> self) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(url, "only http and https URLs can receive events");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused(url, "the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(url, "credentials in the URL are not accepted; authenticate with the signature");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses = resolve(url, host);
        if (pointsAtSelf(host, port, addresses, self)) {
            throw refused(url, "the URL points at this engine itself");
        }
        if (anyMatch(addresses, EndpointUrls::isNeverAReceiver)) {
            throw refused(url, "the host is a link-local (cloud metadata), multicast or unspecified address");
        }
        if (!allowPrivate && (LOCAL_NAMES.contains(host) || anyMatch(addresses, EndpointUrls::isInternal))) {
            throw refused(url, "the host is a loopback or private address; set "
                    + "starshop.events.allow-private-targets=true if your receivers live there");
        }
        return uri.toString();
    }

    /** Where a shop's own receivers may live, allowed by {@code allow-private-targets}: loopback, RFC 1918, fc00::/7. */
    static boolean isInternal(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || uniqueLocalV6;
    }

    /** Never a receiver, whatever the configuration: link-local (169.254.169.254 is cloud metadata), multicast, 0.0.0.0. */
    static boolean isNeverAReceiver(InetAddress address) {
        return address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress();
    }

    private static boolean anyMatch(InetAddress[] addresses, java.util.function.Predicate<InetAddress> test) {
        for (InetAddress address : addresses) {
            if (test.test(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean pointsAtSelf(String host, int port, InetAddress[] addresses, Set<String> self) {
        if (self.contains(host + ":" + port)) {
            return true;
        }
        for (InetAddress address : addresses) {
            boolean local = address.isLoopbackAddress() || address.isAnyLocalAddress();
            if (local && self.contains("localhost:" + port)) {
                return true;
            }
        }
        return false;
    }

    private static URI parse(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw refused(url, "a URL is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw refused(url.substring(0, 64) + "…", "the URL is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused(url, "not a URL (" + e.getReason() + ")");
        }
    }

    private static InetAddress[] resolve(String url, String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused(url, "the host does not resolve");
        }
    }

    private static ProblemException refused(@Nullable String url, String why) {
        return new ProblemException(ProblemCode.INVALID_EVENT_ENDPOINT, "Endpoint URL refused: " + why,
                Map.of("url", url == null ? "" : url));
    }
}
