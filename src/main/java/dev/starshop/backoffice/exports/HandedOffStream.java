package dev.starshop.backoffice.exports;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An OutputStream whose bytes are written to {@code target} by a thread of its own ({@link HandOff}),
 * in buffers of {@value #BUFFER} bytes, at most {@value #BUFFERS_IN_FLIGHT} waiting. Buffers fill
 * the same way whatever the timing, so {@code target} sees the same writes on every run.
 * {@link #close} waits until the target has had every byte; it does not close the target.
 */
final class HandedOffStream extends OutputStream {

    static final int BUFFER = 64 * 1024;
    static final int BUFFERS_IN_FLIGHT = 8;

    private final HandOff<byte[]> handOff;
    private byte[] buffer = new byte[BUFFER];
    private int filled;

    HandedOffStream(String threadName, OutputStream target) {
        this.handOff = new HandOff<>(threadName, BUFFERS_IN_FLIGHT, bytes -> target.write(bytes));
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
        byte[] full = filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled);
        buffer = new byte[BUFFER];
        filled = 0;
        handOff.put(full);
    }
}
