package dev.starshop.telegram.updates;

/** How an update reached the engine. */
public enum UpdateSource {
    WEBHOOK,
    POLLING
}
