package dev.starshop.checkout;

import dev.starshop.support.SandboxTelegramTestBase;
import org.junit.jupiter.api.BeforeEach;

/**
 * Checkout tests that pay through the emulator: the shop fixture on top of the bot registered with
 * Telegram before each test. Subclasses set {@code starshop.telegram.setup=true}.
 */
abstract class ThroughTelegramTestBase extends SandboxTelegramTestBase {

    CheckoutFixture shop;

    @BeforeEach
    void openTheShop() {
        shop = new CheckoutFixture(api, signer(), telegram);
    }
}
