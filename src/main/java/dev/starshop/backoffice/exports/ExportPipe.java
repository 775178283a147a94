package dev.starshop.backoffice.exports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connects a writer running on its own thread to the response: Micronaut streams a
 * {@code StreamedFile}'s InputStream in chunks, and a queue of at most {@value #CHUNKS_IN_FLIGHT}
 * chunks of {@value #CHUNK} bytes bounds memory. If the writer fails half-way, the reader gets an
 * IOException instead of a clean end, so the download breaks visibly rather than ending as a
 * silently truncated file; if the reader closes (the client went away), the writer stops.
 *
 * <p>Not a {@code PipedInputStream}: that one remembers the thread that last read and fails the
 * writer with "Read end dead" once that thread has ended, and Micronaut reads each chunk on a new
 * task of the blocking executor, which on Java 21+ is a new virtual thread every time.
 */
final class ExportPipe extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(ExportPipe.class);
    static final int CHUNK = 64 * 1024;
    static final int CHUNKS_IN_FLIGHT = 4;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    private volatile Throwable failure;
    private volatile boolean closed;
    private byte[] current;
    private int position;

    private ExportPipe() {
    }

    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws Exception;
    }

    static InputStream start(ExecutorService executor, Producer producer) {
        ExportPipe pipe = new ExportPipe();
        executor.execute(() -> {
            try (OutputStream out = new BufferedOutputStream(pipe.new Feed(), CHUNK)) {
                producer.writeTo(out);
            } catch (Exception e) {
                if (pipe.closed) {
                    LOG.debug("Export stopped: the download was closed", e);
                } else {
                    LOG.error("Export failed while streaming", e);
                    pipe.failure = e; // before END, so the reader never sees a clean end
                }
            } finally {
                pipe.offerEnd();
            }
        });
        return pipe;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null || position == current.length) {
            if (current == END) {
                return endOrFailure();
            }
            current = next();
            position = 0;
            if (current == END) {
                return endOrFailure();
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        chunks.clear(); // frees a writer waiting for room; it then sees closed and stops
    }

    private byte[] next() throws IOException {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the export", e);
        }
    }

    private int endOrFailure() throws IOException {
        if (failure != null) {
            throw new IOException("The export failed while streaming", failure);
        }
        return -1;
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IOException("The download was closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while streaming the export", e);
        }
    }

    private void offerEnd() {
        try {
            if (!closed) {
                put(END);
            }
        } catch (IOException e) {
            LOG.debug("The export's end was not delivered", e);
        }
    }

    /** The writer's side: each write becomes one chunk (the BufferedOutputStream makes them large). */
    private final class Feed extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("The download was closed");
            }
            if (length > 0) {
                put(Arrays.copyOfRange(bytes, offset, offset + length));
            }
        }
    }
}
