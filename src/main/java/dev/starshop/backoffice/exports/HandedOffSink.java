package dev.starshop.backoffice.exports;

import java.io.IOException;
import java.util.Arrays;

/**
 * A RowSink whose rows are written by a thread of its own: the thread that reads the database
 * decodes and maps the next rows while this one formats the previous ones. Rows travel in batches
 * of {@value #BATCH} (one hand-over per batch, not per row), at most {@value #BATCHES_IN_FLIGHT}
 * batches waiting, so memory stays bounded. The rows reach {@code sink} in the same order, so the
 * file is the same as when one thread does both.
 */
final class HandedOffSink implements RowSink {

    static final int BATCH = 256;
    static final int BATCHES_IN_FLIGHT = 4;

    private final RowSink sink;
    private final HandOff<Object[][]> handOff;
    private Object[][] batch = new Object[BATCH][];
    private int filled;

    HandedOffSink(String threadName, RowSink sink) {
        this.sink = sink;
        this.handOff = new HandOff<>(threadName, BATCHES_IN_FLIGHT, rows -> {
            for (Object[] row : rows) {
                sink.row(row);
            }
        });
    }

    /** {@code values} must not change afterwards: it is written later, by the other thread. */
    @Override
    public void row(Object[] values) throws IOException {
        batch[filled++] = values;
        if (filled == BATCH) {
            handOver();
        }
    }

    /** Hands over the last rows, waits until they are written, then closes the sink on this thread. */
    @Override
    public void close() throws IOException {
        try {
            if (filled > 0) {
                handOver();
            }
        } finally {
            try {
                handOff.close();
            } finally {
                sink.close();
            }
        }
    }

    private void handOver() throws IOException {
        Object[][] full = filled == BATCH ? batch : Arrays.copyOf(batch, filled);
        batch = new Object[BATCH][];
        filled = 0;
        handOff.put(full);
    }
}
