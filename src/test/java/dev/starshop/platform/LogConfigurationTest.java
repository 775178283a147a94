package dev.starshop.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine logs and how, set up in code; an operator's logback file still takes over. */
class LogConfigurationTest {

    @Test
    void oneConsoleLineAtInfoAndTheChattyLibrariesAtWarn() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new LogConfiguration().configure(context));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDOUT"));
        PatternLayoutEncoder encoder = assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder());
        assertEquals(LogConfiguration.PATTERN, encoder.getPattern());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("io.zonky.test").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("dev.starshop.order").getEffectiveLevel());
    }

    @Test
    void aBotTokenNeverReachesTheLogNotEvenInALibrarysDebugLineOrAStackTrace() {
        String token = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";
        String line = render("Sending request: POST /sandbox/bot" + token + "/sendMessage",
                new IllegalStateException("GET https://api.telegram.org/bot"
                        + token.replace(":", "%3A") + "/getMe failed"));
        assertFalse(line.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_"), line);
        assertTrue(line.contains("POST /sandbox/bot<bot token>/sendMessage"), line);
        assertTrue(line.contains("https://api.telegram.org/bot<bot token>/getMe failed"), line);
        assertTrue(line.contains("at dev.starshop.platform.LogConfigurationTest"), "the stack trace is kept: " + line);
    }

    @Test
    void numbersAndIdsThatAreNotTokensAreLeftAlone() {
        String line = render("order 01JD5Q7 paid: 12:30 at rate 1500:1, charge stxAbC-123_x", null);
        assertTrue(line.endsWith("- order 01JD5Q7 paid: 12:30 at rate 1500:1, charge stxAbC-123_x" + System.lineSeparator()), line);
    }

    @SuppressWarnings("unchecked")
    private static String render(String message, Throwable thrown) {
        LoggerContext context = new LoggerContext();
        new LogConfiguration().configure(context);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        LoggingEvent event = new LoggingEvent(LogConfigurationTest.class.getName(),
                context.getLogger("io.micronaut.http.client"), Level.DEBUG, message, thrown, null);
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void anOperatorsLogbackFileTakesOver() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/starshop/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogConfiguration().configure(context));
            assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    @Test
    void theEnginesLoggingIsTheOneInCode() {
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertSame(Level.WARN, running.getLogger("org.flywaydb").getLevel());
        assertInstanceOf(ConsoleAppender.class, running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"));
    }
}
