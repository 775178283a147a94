package dev.starshop.telegram.botapi;

import io.micronaut.core.type.Argument;

import java.util.List;

/**
 * Every method the client speaks, with its repeat-safety. "Once" methods have an effect a blind
 * repeat after a timeout could double or obscure:
 * <ul>
 *   <li>sendMessage, sendDocument: a second identical message to the buyer.</li>
 *   <li>refundStarPayment: Telegram may have refunded before the timeout; the caller must learn that
 *       the outcome is unknown and confirm it (a repeat answering CHARGE_ALREADY_REFUNDED, or
 *       getStarTransactions), not get a silent success or a misleading error.</li>
 *   <li>editUserStarSubscription: the caller decides, knowing why it changed the subscription.</li>
 * </ul>
 * Reads and setters that put state to a given value are safe; answers to pre-checkout and shipping
 * queries are keyed by the query id; createInvoiceLink only makes a link and charges nobody.
 */
final class BotApiMethods {

    static final BotApiMethod<String> CREATE_INVOICE_LINK =
            BotApiMethod.repeatable("createInvoiceLink", Argument.STRING);
    static final BotApiMethod<Boolean> ANSWER_PRE_CHECKOUT_QUERY =
            BotApiMethod.repeatable("answerPreCheckoutQuery", Argument.BOOLEAN);
    static final BotApiMethod<Boolean> ANSWER_SHIPPING_QUERY =
            BotApiMethod.repeatable("answerShippingQuery", Argument.BOOLEAN);
    static final BotApiMethod<Boolean> REFUND_STAR_PAYMENT = BotApiMethod.once("refundStarPayment", Argument.BOOLEAN);
    static final BotApiMethod<StarTransactions> GET_STAR_TRANSACTIONS =
            BotApiMethod.repeatable("getStarTransactions", Argument.of(StarTransactions.class));
    static final BotApiMethod<Boolean> EDIT_USER_STAR_SUBSCRIPTION =
            BotApiMethod.once("editUserStarSubscription", Argument.BOOLEAN);
    static final BotApiMethod<StarAmount> GET_MY_STAR_BALANCE =
            BotApiMethod.repeatable("getMyStarBalance", Argument.of(StarAmount.class));
    /** Saving twice only leaves an unused prepared message behind: safe to repeat. */
    static final BotApiMethod<PreparedInlineMessage> SAVE_PREPARED_INLINE_MESSAGE = BotApiMethod.repeatable(
            "savePreparedInlineMessage", Argument.of(PreparedInlineMessage.class));
    static final BotApiMethod<Message> SEND_MESSAGE = BotApiMethod.once("sendMessage", Argument.of(Message.class));
    /** Once, like sendMessage: a repeat after a timeout could put the document in the chat twice. */
    static final BotApiMethod<Message> SEND_DOCUMENT = BotApiMethod.once("sendDocument", Argument.of(Message.class));
    static final BotApiMethod<Boolean> SET_CHAT_MENU_BUTTON =
            BotApiMethod.repeatable("setChatMenuButton", Argument.BOOLEAN);
    static final BotApiMethod<Boolean> SET_MY_COMMANDS = BotApiMethod.repeatable("setMyCommands", Argument.BOOLEAN);
    static final BotApiMethod<Boolean> SET_WEBHOOK = BotApiMethod.repeatable("setWebhook", Argument.BOOLEAN);
    static final BotApiMethod<Boolean> DELETE_WEBHOOK = BotApiMethod.repeatable("deleteWebhook", Argument.BOOLEAN);
    static final BotApiMethod<WebhookInfo> GET_WEBHOOK_INFO =
            BotApiMethod.repeatable("getWebhookInfo", Argument.of(WebhookInfo.class));
    static final BotApiMethod<List<Update>> GET_UPDATES =
            new BotApiMethod<>("getUpdates", Argument.listOf(Update.class), true, true);
    /** getUpdates with each update left as the bytes Telegram sent, for the inbox to decode strictly, once. */
    static final BotApiMethod<RawUpdates> GET_UPDATES_RAW =
            new BotApiMethod<>("getUpdates", Argument.of(RawUpdates.class), true, true);

    private BotApiMethods() {
    }
}
