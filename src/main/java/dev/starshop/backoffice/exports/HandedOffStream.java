package dev.starshop.backoffice.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An OutputStream whose bytes are written to {@code target} by a thread of its own ({@link HandOff}),
 * in buffers of {@value #BUFFER} bytes, at most {@value #BUFFERS_IN_FLIGHT} waiting. Buffers fill
 * the same way whatever the timing, so {@code target} sees the same writes on every run.
 * {@link #close} waits until the target has had every byte; it does not close the target.
 *
 * <p>A buffer the target has written comes back to be filled again, so at most
 * {@value #BUFFERS_IN_FLIGHT} + 2 buffers ever exist: a million-row XLSX passes 740 MB of XML through
 * here, which would otherwise be 740 MB of new arrays for the collector (docs/performance.md, section 3).
 * The target must not keep an array after its {@code write} returns, as {@link OutputStream} requires.
 */
final class HandedOffStream extends OutputStream {

    static final int BUFFER = 64 * 1024;
    static final int BUFFERS_IN_FLIGHT = 8;

    private final HandOff<byte[]> handOff;
    private final BlockingQueue<byte[]> written = new ArrayBlockingQueue<>(BUFFERS_IN_FLIGHT + 2);
    private byte[] buffer = new byte[BUFFER];
    private int filled;

    HandedOffStream(String threadName, OutputStream target) {
        this.handOff = new HandOff<>(threadName, BUFFERS_IN_FLIGHT, bytes -> {
            target.write(bytes);
            if (bytes.length == BUFFER) {
                written.offer(bytes);
            }
        });
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            handOver();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                handOver();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /** Hands over what is buffered and waits until the target has it all; throws the target's failure. */
    @Override
    public void close() throws IOException {
        try {
            if (filled > 0) {
                handOver();
            }
        } finally {
            handOff.close();
        }
    }

    private void handOver() throws IOException {
        byte[] full = filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
        filled = 0;
        handOff.put(full);
        byte[] free = written.poll(); // after the put: while it waits for room, the target may give one back
        buffer = free != null ? free : new byte[BUFFER];
    }
}
