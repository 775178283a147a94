package dev.starshop.backoffice.reconciliation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The daily run is on unless starshop.reconciliation.enabled is false; the condition alone, no engine started. */
class ReconciliationScheduleTest {

    @Test
    void theDailyRunIsOnByDefaultAndOffWhenDisabled() {
        assertEquals(1, scheduleBeans(Map.of()));
        assertEquals(1, scheduleBeans(Map.of("starshop.reconciliation.enabled", "true")));
        assertEquals(0, scheduleBeans(Map.of("starshop.reconciliation.enabled", "false")));
    }

    private static int scheduleBeans(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .environments("bare").deduceEnvironment(false).build()) {
            context.getEnvironment().start();
            return (int) SoftServiceLoader.load(BeanDefinitionReference.class).collectAll().stream()
                    .filter(ref -> ref.getBeanType() == ReconciliationSchedule.class)
                    .filter(ref -> ref.isEnabled(context)).count();
        }
    }
}
