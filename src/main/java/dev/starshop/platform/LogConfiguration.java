package dev.starshop.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

import java.util.Map;

/**
 * The engine's logging, set up in code instead of a logback.xml: one console line per event, INFO
 * and above, the chattiest libraries at WARN. Reading an XML file would load logback's Joran
 * configuration and the JDK's XML parser (≈ 400 classes, kept for the process's life) at every
 * start; see docs/performance.md, "Memory by component". Bot tokens are masked in every line. An operator's own file still wins:
 * {@code -Dlogback.configurationFile=…} hands configuration to logback's usual XML path, and
 * Micronaut's {@code logger.levels.*} settings apply on top of either.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    /**
     * A bot token ({@code <bot id>:<secret>}, the colon possibly percent-encoded) wherever it
     * appears in a message or a stack trace, for example in a Bot API URL that a library logs at
     * DEBUG ({@code /bot<token>/sendMessage}). The token is a secret; a log line never carries it.
     */
    static final String BOT_TOKEN = "[0-9]{3,}(:|%3[Aa])[A-Za-z0-9_-]{20,}";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - "
            + "%replace(%msg%n%ex){'" + BOT_TOKEN + "', '<bot token>'}";
    static final Map<String, Level> QUIETER = Map.of(
            "io.zonky", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
