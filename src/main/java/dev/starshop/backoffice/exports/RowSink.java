package dev.starshop.backoffice.exports;

import java.io.IOException;

/** Where rows go, one at a time: a CSV or XLSX writer on the response stream. */
interface RowSink extends AutoCloseable {

    /** One row; {@code values[i]} is of the Java type {@code columns[i].type()} implies, or null. */
    void row(Object[] values) throws IOException;

    /** Writes what is buffered and the format's trailer; the underlying stream stays the caller's. */
    @Override
    void close() throws IOException;
}
