package dev.starshop.telegram.bot;

import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.BotCommand;
import dev.starshop.telegram.botapi.DeleteWebhook;
import dev.starshop.telegram.botapi.MenuButton;
import dev.starshop.telegram.botapi.SetChatMenuButton;
import dev.starshop.telegram.botapi.SetMyCommands;
import dev.starshop.telegram.botapi.SetWebhook;
import dev.starshop.telegram.polling.UpdatePoller;
import dev.starshop.telegram.webhook.WebhookSecret;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells Telegram who the bot is once the server listens: its commands, the menu button that opens
 * the Mini App, and where updates go (the webhook with its secret, or long polling). Runs in the
 * background with retries, so an unreachable Bot API never stops the engine from starting.
 */
@Singleton
@Requires(property = "starshop.telegram.setup", notEquals = "false")
class BotSetup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BotSetup.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "pre_checkout_query", "shipping_query");
    private static final int ATTEMPTS = 6;
    private static final int RUNNING_CHECKS = 200;
    private static final long RUNNING_CHECK_MILLIS = 10;

    private final BotApiClient client;
    private final MiniAppUrl miniApp;
    private final WebhookSecret secret;
    private final UpdateDelivery delivery;
    private final UpdatePoller poller;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bot-setup"));

    BotSetup(BotApiClient client, MiniAppUrl miniApp, WebhookSecret secret, UpdateDelivery delivery,
             UpdatePoller poller) {
        this.client = client;
        this.miniApp = miniApp;
        this.secret = secret;
        this.delivery = delivery;
        this.poller = poller;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        retries.execute(() -> whenRunning(server, 0));
    }

    /**
     * Micronaut announces the start once the server listens but marks it running just after its
     * listeners return; the sandbox's Bot API (this server's own emulator) needs it marked running.
     * Starting at once used to lose that race every time and cost a 2 s retry.
     */
    private void whenRunning(EmbeddedServer server, int checks) {
        if (server.isRunning() || checks >= RUNNING_CHECKS) {
            attempt(1);
        } else {
            retries.schedule(() -> whenRunning(server, checks + 1), RUNNING_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(int number) {
        try {
            configure();
        } catch (RuntimeException e) {
            if (number >= ATTEMPTS) {
                LOG.error("Could not configure the bot after {} attempts: {}", number, e.getMessage());
                return;
            }
            Duration wait = Duration.ofSeconds(1L << number);
            LOG.warn("Bot set-up failed ({}); retrying in {} s", e.getMessage(), wait.toSeconds());
            retries.schedule(() -> attempt(number + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Updates first, then the chat surface: once the menu button shows, updates already flow. */
    private void configure() {
        if (delivery.usesWebhook()) {
            String url = miniApp.base() + "/telegram/webhook";
            client.setWebhook(new SetWebhook(url, secret.value(), ALLOWED_UPDATES, null, null, null));
            LOG.info("Updates arrive by webhook at {}", url);
        } else {
            client.deleteWebhook(new DeleteWebhook(false));
            poller.start();
            LOG.info("Updates arrive by long polling (no public URL configured)");
        }
        client.setMyCommands(new SetMyCommands(commands(BotTexts.EN), null));
        client.setMyCommands(new SetMyCommands(commands(BotTexts.ZH), "zh"));
        client.setChatMenuButton(new SetChatMenuButton(null, MenuButton.webApp(BotTexts.EN.menuButton, miniApp.app())));
    }

    private static List<BotCommand> commands(BotTexts texts) {
        return texts == BotTexts.ZH
                ? List.of(new BotCommand("start", "打开商店"), new BotCommand("orders", "最近的订单"),
                        new BotCommand("paysupport", "支付帮助"), new BotCommand("terms", "销售条款"),
                        new BotCommand("help", "命令列表"))
                : List.of(new BotCommand("start", "Open the shop"), new BotCommand("orders", "Your recent orders"),
                        new BotCommand("paysupport", "Help with a payment"), new BotCommand("terms", "Terms of sale"),
                        new BotCommand("help", "What the bot can do"));
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
