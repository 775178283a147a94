package dev.starshop.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest {@code capacity} items, oldest first: adding one more drops the oldest. Thread-safe.
 * What keeps the emulator's logs and histories bounded however long it runs.
 */
final class Ring<T> {

    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();

    Ring(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A ring holds at least one item, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the item; returns the one dropped to make room, or null. */
    synchronized T add(T item) {
        T dropped = items.size() == capacity ? items.removeFirst() : null;
        items.addLast(item);
        return dropped;
    }

    synchronized List<T> all() {
        return List.copyOf(items);
    }

    /** Up to {@code limit} items after skipping {@code offset}, oldest first. */
    synchronized List<T> page(long offset, long limit) {
        List<T> page = new ArrayList<>();
        Iterator<T> it = items.iterator();
        for (long skipped = 0; skipped < offset && it.hasNext(); skipped++) {
            it.next();
        }
        while (page.size() < limit && it.hasNext()) {
            page.add(it.next());
        }
        return page;
    }

    synchronized int size() {
        return items.size();
    }

    int capacity() {
        return capacity;
    }

    synchronized void clear() {
        items.clear();
    }

    /** A map that forgets its oldest entry beyond {@code capacity}; not thread-safe by itself. */
    static <K, V> Map<K, V> boundedMap(int capacity) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
