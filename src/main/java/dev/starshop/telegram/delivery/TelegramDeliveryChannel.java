package dev.starshop.telegram.delivery;

import dev.starshop.fulfilment.DeliveryChannel;
import dev.starshop.fulfilment.OutgoingDocument;
import dev.starshop.fulfilment.SendOutcome;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.BotApiException;
import dev.starshop.telegram.botapi.BotApiRequestInvalidException;
import dev.starshop.telegram.botapi.BotApiUnavailableException;
import dev.starshop.telegram.botapi.DocumentUpload;
import dev.starshop.telegram.botapi.Message;
import dev.starshop.telegram.botapi.SendDocument;
import dev.starshop.telegram.botapi.SendMessage;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Fulfilment's {@link DeliveryChannel} on the Bot API: sendMessage for texts and codes, sendDocument
 * for files (by file_id when one is known; uploaded otherwise, or when Telegram no longer knows the
 * id). Failures become outcomes the sender can act on; reasons carry Telegram's description, never
 * what was sent.
 */
@Singleton
class TelegramDeliveryChannel implements DeliveryChannel {

    private final BotApiClient client;

    TelegramDeliveryChannel(BotApiClient client) {
        this.client = client;
    }

    @Override
    public SendOutcome sendText(long chatId, String text, boolean protectContent) {
        return outcome(() -> client.sendMessage(new SendMessage(chatId, text, null, null, protectContent, null)));
    }

    @Override
    public SendOutcome sendDocument(long chatId, OutgoingDocument document, boolean protectContent) {
        if (document.telegramFileId() != null) {
            SendOutcome byId = outcome(() -> client.sendDocument(new SendDocument(chatId, document.telegramFileId(),
                    document.caption(), protectContent)));
            if (!(byId instanceof SendOutcome.Refused refused) || !refused.reason().contains("file identifier")) {
                return byId;
            }
        }
        return outcome(() -> client.sendDocument(new SendDocument(chatId, null, document.caption(), protectContent),
                new DocumentUpload(document.fileName(), document.contentType(), document.content().get())));
    }

    private static SendOutcome outcome(Supplier<Message> call) {
        try {
            Message sent = call.get();
            return new SendOutcome.Sent(sent.messageId(), sent.document() == null ? null : sent.document().fileId());
        } catch (BotApiException e) {
            return refusal(e);
        } catch (BotApiUnavailableException e) {
            // A timeout may hide a message Telegram did deliver: repeated all the same (docs/fulfilment.md).
            return new SendOutcome.RetryLater("Telegram did not answer: " + e.reason(), null);
        } catch (BotApiRequestInvalidException e) {
            return new SendOutcome.Refused(e.getMessage());
        }
    }

    private static SendOutcome refusal(BotApiException e) {
        String reason = "Telegram answered " + e.errorCode() + " " + e.description();
        return switch (e.kind()) {
            case TOO_MANY_REQUESTS -> new SendOutcome.RetryLater(reason,
                    e.retryAfter() == null ? null : Duration.ofSeconds(e.retryAfter()));
            case SERVER_ERROR -> new SendOutcome.RetryLater(reason, null);
            default -> new SendOutcome.Refused(reason);
        };
    }
}
