package dev.starshop.backoffice.exports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export pipeline's stages: what goes in comes out in order, and a failing stage fails its producer. */
class HandOffTest {

    @Test
    void rowsReachTheSinkInOrderAndTheSinkIsClosedAfterTheLast() throws IOException {
        List<Object> written = new ArrayList<>();
        RecordingSink recording = new RecordingSink(written, Integer.MAX_VALUE);
        try (RowSink sink = new HandedOffSink("test-rows", recording)) {
            for (long i = 0; i < 10 * HandedOffSink.BATCH + 7; i++) {
                sink.row(new Object[] {i});
            }
        }
        assertEquals(10 * HandedOffSink.BATCH + 7 + 1, written.size(), "every row, then the close");
        for (int i = 0; i < written.size() - 1; i++) {
            assertEquals((long) i, written.get(i));
        }
        assertEquals("closed", written.get(written.size() - 1));
    }

    @Test
    void aSinkThatFailsStopsTheReaderAndStillGetsClosed() {
        List<Object> written = new ArrayList<>();
        IOException failed = assertThrows(IOException.class, () -> {
            try (RowSink sink = new HandedOffSink("test-rows", new RecordingSink(written, 1000))) {
                for (long i = 0; i < 1_000_000; i++) {
                    sink.row(new Object[] {i});
                }
            }
        });
        assertTrue(failed.getMessage().contains("row 1000 refused"), failed::toString);
        assertTrue(written.size() < 1_000_000, "the reader stopped instead of handing over every row");
        assertEquals("closed", written.get(written.size() - 1));
    }

    @Test
    void bytesReachTheTargetInOrder() throws IOException {
        byte[] data = new byte[5 * HandedOffStream.BUFFER + 321];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (OutputStream out = new HandedOffStream("test-bytes", target)) {
            for (int i = 0; i < data.length; i += 1000) {
                out.write(data, i, Math.min(1000, data.length - i));
            }
            out.write(7);
        }
        byte[] expected = java.util.Arrays.copyOf(data, data.length + 1);
        expected[data.length] = 7;
        assertArrayEquals(expected, target.toByteArray());
    }

    @Test
    void buffersComeBackOnlyAfterTheTargetWroteThem() throws IOException {
        int buffers = 50;
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        java.util.Set<byte[]> arrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        OutputStream slowTarget = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                arrays.add(bytes);
                Thread.yield(); // the writer runs ahead and fills the other buffers meanwhile
                copied.write(bytes, offset, length);
            }
        };
        byte[] data = new byte[buffers * HandedOffStream.BUFFER];
        new java.util.Random(7).nextBytes(data);
        try (OutputStream out = new HandedOffStream("test-recycled", slowTarget)) {
            for (int i = 0; i < data.length; i += 4096) {
                out.write(data, i, 4096);
            }
        }
        assertArrayEquals(data, copied.toByteArray(), "no buffer was filled again before it was written");
        assertTrue(arrays.size() <= HandedOffStream.BUFFERS_IN_FLIGHT + 2,
                arrays.size() + " arrays for " + buffers + " buffers of bytes");
    }

    /** Records rows and its close; refuses the row numbered {@code failAt}. */
    private record RecordingSink(List<Object> written, int failAt) implements RowSink {

        @Override
        public void row(Object[] values) throws IOException {
            if (written.size() == failAt) {
                throw new IOException("row " + failAt + " refused");
            }
            written.add(values[0]);
        }

        @Override
        public void close() {
            written.add("closed");
        }
    }
}
