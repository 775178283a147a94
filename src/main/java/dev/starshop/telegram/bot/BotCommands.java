package dev.starshop.telegram.bot;

import dev.starshop.buyer.Buyer;
import dev.starshop.order.Order;
import dev.starshop.order.OrderService;
import dev.starshop.telegram.botapi.InlineKeyboardButton;
import dev.starshop.telegram.botapi.InlineKeyboardMarkup;
import dev.starshop.telegram.botapi.Message;
import dev.starshop.telegram.botapi.SendMessage;
import dev.starshop.telegram.botapi.User;
import dev.starshop.telegram.outbox.BotOutbox;
import dev.starshop.telegram.updates.AfterCommit;
import dev.starshop.telegram.updates.ClassifiedUpdate;
import dev.starshop.telegram.updates.CommandHandler;
import jakarta.inject.Singleton;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bot's chat commands. Replies are written to the outbox in the update's transaction, keyed by
 * the update, so a redelivered command is answered once.
 */
@Singleton
class BotCommands implements CommandHandler {

    private static final int RECENT_ORDERS = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final BotOutbox outbox;
    private final OrderService orders;
    private final ShopTexts shop;
    private final MiniAppUrl miniApp;

    BotCommands(BotOutbox outbox, OrderService orders, ShopTexts shop, MiniAppUrl miniApp) {
        this.outbox = outbox;
        this.orders = orders;
        this.shop = shop;
        this.miniApp = miniApp;
    }

    @Override
    public void onCommand(ClassifiedUpdate.BotCommand update, AfterCommit after) {
        Message message = update.message();
        BotTexts texts = BotTexts.forLanguage(message.sender() == null ? null : message.sender().languageCode());
        long chatId = message.chat().id();
        SendMessage reply = switch (update.command()) {
            case "start" -> new SendMessage(chatId, String.format(texts.welcome, shop.name()), null,
                    InlineKeyboardMarkup.single(InlineKeyboardButton.webApp(texts.openShop, miniApp.app())));
            case "orders" -> SendMessage.text(chatId, recentOrders(message.sender(), texts));
            case "paysupport" -> SendMessage.text(chatId, shop.supportText());
            case "terms" -> SendMessage.text(chatId, shop.termsText());
            default -> SendMessage.text(chatId, texts.help);
        };
        if (outbox.enqueue("update:" + update.updateId() + ":reply", reply)) {
            after.outboxWritten();
        }
    }

    private String recentOrders(User sender, BotTexts texts) {
        if (sender == null) {
            return texts.noOrders;
        }
        Buyer buyer = new Buyer(sender.id(), sender.firstName(), sender.lastName(), sender.username(),
                sender.languageCode(), Boolean.TRUE.equals(sender.isPremium()));
        List<Order> recent = orders.recent(buyer, RECENT_ORDERS);
        if (recent.isEmpty()) {
            return texts.noOrders;
        }
        return texts.recentOrders + "\n" + recent.stream()
                .map(order -> "• " + DAY.format(order.createdAt()) + "  " + order.total().display() + "  "
                        + order.status() + "  #" + order.id().toString().substring(0, 8))
                .collect(Collectors.joining("\n"));
    }
}
