package dev.starshop.fulfilment;

/**
 * The port through which deliveries reach the buyer's chat. Fulfilment owns it; the Telegram adapter
 * (telegram.delivery) implements it, so fulfilment never sees a Bot API type. One call per method, no
 * retries inside beyond what the Bot API client does for flood control: the sender decides.
 */
public interface DeliveryChannel {

    /** A text message (TEXT, CODES). */
    SendOutcome sendText(long chatId, String text, boolean protectContent);

    /** A document: by Telegram's file id when one is known, else uploaded (FILE). */
    SendOutcome sendDocument(long chatId, OutgoingDocument document, boolean protectContent);
}
