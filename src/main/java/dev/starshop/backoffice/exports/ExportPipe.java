package dev.starshop.backoffice.exports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;

/**
 * Connects a writer running on its own thread to the response: Micronaut streams a
 * {@code StreamedFile}'s InputStream in chunks, and the pipe's buffer bounds memory. If the writer
 * fails half-way, the reader gets an IOException instead of a clean end, so the download breaks
 * visibly rather than ending as a silently truncated file.
 */
final class ExportPipe extends PipedInputStream {

    private static final Logger LOG = LoggerFactory.getLogger(ExportPipe.class);
    private static final int BUFFER = 64 * 1024;

    private volatile Throwable failure;

    private ExportPipe() {
        super(BUFFER);
    }

    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws Exception;
    }

    static InputStream start(ExecutorService executor, Producer producer) {
        ExportPipe pipe = new ExportPipe();
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(pipe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(() -> {
            try {
                producer.writeTo(out);
            } catch (Exception e) {
                LOG.error("Export failed while streaming", e);
                pipe.failure = e; // before close(), so the reader never sees a clean end
            } finally {
                closeQuietly(out);
            }
        });
        return pipe;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("Closing the export pipe failed", e);
        }
    }

    @Override
    public synchronized int read() throws IOException {
        int b = super.read();
        return b < 0 ? endOrFailure() : b;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        return n < 0 ? endOrFailure() : n;
    }

    private int endOrFailure() throws IOException {
        if (failure != null) {
            throw new IOException("The export failed while streaming", failure);
        }
        return -1;
    }
}
