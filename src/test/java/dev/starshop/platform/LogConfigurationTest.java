package dev.starshop.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

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
        assertEquals("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n", encoder.getPattern());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("io.zonky.test").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("dev.starshop.order").getEffectiveLevel());
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
