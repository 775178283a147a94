package dev.starshop.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the engine logs (every logger, every level it emits) and prints to stdout/stderr while
 * open, so a test can check that a secret never appears in it.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public CapturedLog() {
        events.start();
        root.addAppender(events);
        PrintStream tee = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(new TeeStream(out, tee), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeStream(err, tee), true, StandardCharsets.UTF_8));
    }

    /** Every log line with its arguments and stack traces, and everything printed. */
    public String text() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(events.list)) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                lines.add(cause.getClassName() + ": " + cause.getMessage());
            }
        }
        lines.add(printed.toString(StandardCharsets.UTF_8));
        return String.join("\n", lines);
    }

    public int events() {
        return events.list.size();
    }

    @Override
    public void close() {
        root.detachAppender(events);
        System.setOut(out);
        System.setErr(err);
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
