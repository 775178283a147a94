package dev.starshop.events;

import java.time.Instant;

/** Where events go, and the secret they are signed with there. */
record EventEndpoint(long id, String url, String secret, Origin origin, boolean enabled, Instant createdAt) {

    /** Who made the endpoint: configuration, the console, or the sandbox's own receiver page. */
    enum Origin { CONFIG, CONSOLE, SANDBOX }

    @Override
    public String toString() {
        return "EventEndpoint[id=" + id + ", url=" + url + ", origin=" + origin + ", enabled=" + enabled + "]";
    }
}
