package dev.starshop.support;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.telegram.polling.UpdatePoller;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/**
 * What every long-polling test needs: the emulator, the poller, the database, and no polling
 * offset left behind. Each test context's emulator numbers its updates from a random start, while
 * the offset lives in the database all contexts share: an offset left by another polling test can
 * sit above this context's updates, which would then never be fetched. Subclasses set the polling
 * properties themselves ({@code starshop.telegram.updates=polling}, …) so each reads complete.
 */
public abstract class PollingTestBase {

    protected static final long BOB = 100002;

    @Inject
    protected SandboxTelegram telegram;

    @Inject
    protected UpdatePoller poller;

    @Inject
    protected DataSource dataSource;

    @BeforeEach
    @AfterEach
    void noOffsetLeftByAnotherContext() {
        new Db(dataSource).update("DELETE FROM telegram_polling_offset");
    }
}
