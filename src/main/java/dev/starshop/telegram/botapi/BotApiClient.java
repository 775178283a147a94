package dev.starshop.telegram.botapi;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed Telegram Bot API client: one method per Bot API method, answering the typed result.
 * Blocking: call it from a blocking executor, never from the event loop.
 *
 * @throws BotApiRequestInvalidException (any method) the request breaks a documented limit; nothing was sent
 * @throws BotApiException               (any method) Telegram answered {@code ok: false}
 * @throws BotApiUnavailableException    (any method) no usable answer (timeout, connection, 5xx page)
 */
@Singleton
public class BotApiClient {

    /** Margin between the long-poll wait and the read timeout, so Telegram answers before we give up. */
    private static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(5);
    /** sendMessage text limit (public Bot API: "1-4096 characters after entities parsing"). */
    static final int MESSAGE_MAX = 4096;

    private final BotApiExchange exchange;
    private final BotApiSettings settings;

    BotApiClient(BotApiExchange exchange, BotApiSettings settings) {
        this.exchange = exchange;
        this.settings = settings;
    }

    /** Answers the invoice link ({@code https://t.me/$…}) to open with {@code WebApp.openInvoice}. */
    public String createInvoiceLink(CreateInvoiceLink request) {
        InvoiceRules.check(request);
        return exchange.call(BotApiMethods.CREATE_INVOICE_LINK, request);
    }

    public boolean answerPreCheckoutQuery(AnswerPreCheckoutQuery request) {
        InvoiceRules.check(request);
        return exchange.call(BotApiMethods.ANSWER_PRE_CHECKOUT_QUERY, request);
    }

    public boolean answerShippingQuery(AnswerShippingQuery request) {
        InvoiceRules.check(request);
        return exchange.call(BotApiMethods.ANSWER_SHIPPING_QUERY, request);
    }

    /** Never retried on timeout: see {@link BotApiMethods}; {@link BotApiException#isChargeAlreadyRefunded()}. */
    public boolean refundStarPayment(RefundStarPayment request) {
        return exchange.call(BotApiMethods.REFUND_STAR_PAYMENT, request);
    }

    public StarTransactions getStarTransactions(GetStarTransactions request) {
        Integer limit = request.limit();
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new BotApiRequestInvalidException("getStarTransactions", "limit must be 1-100, is " + limit);
        }
        return exchange.call(BotApiMethods.GET_STAR_TRANSACTIONS, request);
    }

    public boolean editUserStarSubscription(EditUserStarSubscription request) {
        return exchange.call(BotApiMethods.EDIT_USER_STAR_SUBSCRIPTION, request);
    }

    public StarAmount getMyStarBalance() {
        return exchange.call(BotApiMethods.GET_MY_STAR_BALANCE, null);
    }

    /** A message the Mini App's user may share with {@code WebApp.shareMessage(id)}. */
    public PreparedInlineMessage savePreparedInlineMessage(SavePreparedInlineMessage request) {
        String id = request.result().id();
        if (id.isEmpty() || id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new BotApiRequestInvalidException("savePreparedInlineMessage", "result id must be 1-64 bytes");
        }
        return exchange.call(BotApiMethods.SAVE_PREPARED_INLINE_MESSAGE, request);
    }

    /** Text 1-4096 characters; with a parse mode the length after entity parsing is Telegram's to judge. */
    public Message sendMessage(SendMessage request) {
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new BotApiRequestInvalidException("sendMessage", "text must not be empty");
        }
        if (request.parseMode() == null && text.length() > MESSAGE_MAX) {
            throw new BotApiRequestInvalidException("sendMessage",
                    "text must be at most " + MESSAGE_MAX + " characters, is " + text.length());
        }
        return exchange.call(BotApiMethods.SEND_MESSAGE, request);
    }

    /** A document sent before, by its {@code file_id} ({@code request.document()}). */
    public Message sendDocument(SendDocument request) {
        if (request.document() == null || request.document().isBlank()) {
            throw new BotApiRequestInvalidException("sendDocument", "document (a file_id) must not be empty");
        }
        checkCaption(request);
        return exchange.call(BotApiMethods.SEND_DOCUMENT, request);
    }

    /** A new document, uploaded as multipart; {@code request.document()} is ignored. */
    public Message sendDocument(SendDocument request, DocumentUpload upload) {
        if (upload.content().length == 0) {
            throw new BotApiRequestInvalidException("sendDocument", "the file must not be empty");
        }
        checkCaption(request);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("chat_id", Long.toString(request.chatId()));
        if (request.caption() != null) {
            fields.put("caption", request.caption());
        }
        if (request.protectContent() != null) {
            fields.put("protect_content", request.protectContent().toString());
        }
        return exchange.callMultipart(BotApiMethods.SEND_DOCUMENT, MultipartForm.of(fields, "document", upload));
    }

    private static void checkCaption(SendDocument request) {
        if (request.caption() != null && request.caption().length() > SendDocument.CAPTION_MAX) {
            throw new BotApiRequestInvalidException("sendDocument",
                    "caption must be at most " + SendDocument.CAPTION_MAX + " characters, is " + request.caption().length());
        }
    }

    public boolean setChatMenuButton(SetChatMenuButton request) {
        return exchange.call(BotApiMethods.SET_CHAT_MENU_BUTTON, request);
    }

    public boolean setMyCommands(SetMyCommands request) {
        return exchange.call(BotApiMethods.SET_MY_COMMANDS, request);
    }

    public boolean setWebhook(SetWebhook request) {
        WebhookRules.check(request);
        return exchange.call(BotApiMethods.SET_WEBHOOK, request);
    }

    public boolean deleteWebhook(DeleteWebhook request) {
        return exchange.call(BotApiMethods.DELETE_WEBHOOK, request);
    }

    public WebhookInfo getWebhookInfo() {
        return exchange.call(BotApiMethods.GET_WEBHOOK_INFO, null);
    }

    /** Long polling: the read timeout of this call is {@code starshop.telegram.client.long-poll-read-timeout}. */
    public List<Update> getUpdates(GetUpdates request) {
        checkLongPoll(request);
        return exchange.call(BotApiMethods.GET_UPDATES, request);
    }

    /**
     * getUpdates without binding: each update as the bytes Telegram sent, so the inbox decodes and
     * stores it exactly as a webhook body (binding to {@link Update} would coerce, re-writing a
     * parsed tree would change the bytes).
     */
    public List<byte[]> getUpdatesRaw(GetUpdates request) {
        checkLongPoll(request);
        RawUpdates updates = exchange.call(BotApiMethods.GET_UPDATES_RAW, request);
        return updates == null ? List.of() : updates.updates();
    }

    private void checkLongPoll(GetUpdates request) {
        long waitSeconds = request.timeout() == null ? 0 : request.timeout();
        long allowed = settings.longPollReadTimeout().minus(LONG_POLL_MARGIN).toSeconds();
        if (waitSeconds < 0 || waitSeconds > allowed) {
            throw new BotApiRequestInvalidException("getUpdates",
                    "timeout must be 0-" + allowed + " s (below the long-poll read timeout), is " + waitSeconds);
        }
    }
}
