package dev.starshop.backoffice.exports;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pipe between an export's writer thread and the response, read the way Micronaut reads it. */
class ExportPipeTest {

    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void everyByteArrivesInOrderWhenEachReadRunsOnAThreadThatThenEnds() throws Exception {
        byte[] data = pattern(10 * ExportPipe.CHUNK + 123);
        InputStream pipe = ExportPipe.start(writers, out -> {
            for (int i = 0; i < data.length; i += 1000) {
                out.write(data, i, Math.min(1000, data.length - i));
            }
        });
        // Micronaut reads every chunk in a new task of the blocking executor: on Java 21+ a new
        // virtual thread each time, gone before the writer fills the queue again.
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = onFreshThread(() -> pipe.read(buffer, 0, buffer.length));
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
        }
        assertArrayEquals(data, received.toByteArray());
    }

    @Test
    void aWriterFailingHalfWayBreaksTheDownloadInsteadOfEndingIt() {
        InputStream pipe = ExportPipe.start(writers, out -> {
            out.write(pattern(3 * ExportPipe.CHUNK));
            throw new IllegalStateException("database went away");
        });
        IOException broken = assertThrows(IOException.class, () -> pipe.readAllBytes());
        assertInstanceOf(IllegalStateException.class, broken.getCause());
    }

    @Test
    void closingTheDownloadStopsTheWriter() throws Exception {
        AtomicReference<Throwable> writerSaw = new AtomicReference<>();
        CompletableFuture<Void> writerDone = new CompletableFuture<>();
        InputStream pipe = ExportPipe.start(writers, out -> {
            try {
                while (true) {
                    out.write(pattern(ExportPipe.CHUNK));
                }
            } catch (IOException e) {
                writerSaw.set(e);
                writerDone.complete(null);
                throw e;
            }
        });
        assertEquals(100, pipe.read(new byte[100]));
        pipe.close();
        writerDone.get(30, TimeUnit.SECONDS); // a safety net against a hang, not a timing claim
        assertInstanceOf(IOException.class, writerSaw.get());
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + i / 7);
        }
        return bytes;
    }

    private interface Read {
        int run() throws IOException;
    }

    private static int onFreshThread(Read read) throws InterruptedException, ExecutionException {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                result.complete(read.run());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        reader.start();
        reader.join();
        return result.get();
    }
}
