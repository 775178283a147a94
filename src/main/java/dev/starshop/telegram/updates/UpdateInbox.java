package dev.starshop.telegram.updates;

import dev.starshop.platform.problem.DatabaseFault;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The one way updates enter the engine, from the webhook or from long polling. The inbox row and
 * every effect of the handler commit in one transaction; a redelivered update finds its row and
 * changes nothing ({@link InboxWrites}). Bot API calls the handler decided are made only after
 * the commit. One update that fails every time is parked after a bounded number of attempts, so it
 * never holds back the ones after it (docs/telegram.md, "Poison updates").
 */
@Singleton
public class UpdateInbox {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateInbox.class);

    private final UpdateDecoder decoder;
    private final UpdateClassifier classifier;
    private final UpdateDispatcher dispatcher;
    private final InboxWrites writes;
    private final AfterCommitActions afterCommit;
    private final PoisonUpdates poison;

    UpdateInbox(UpdateDecoder decoder, UpdateClassifier classifier, UpdateDispatcher dispatcher, InboxWrites writes,
                AfterCommitActions afterCommit, PoisonUpdates poison) {
        this.poison = poison;
        this.decoder = decoder;
        this.classifier = classifier;
        this.dispatcher = dispatcher;
        this.writes = writes;
        this.afterCommit = afterCommit;
    }

    /**
     * Records and handles one update, given as the exact bytes Telegram sent (the webhook body, or
     * one element of a getUpdates answer): decoded once, classified once, stored as sent. With
     * {@code inlineAnswer}, a single pre-checkout or shipping answer is returned for the webhook
     * response instead of being sent. An update that has failed its last allowed attempt is parked
     * instead ({@link PoisonUpdates}) and the receipt says so; a body without a readable update_id
     * can be neither counted nor parked and always fails ({@link UnreadableUpdate} without an id).
     */
    public Receipt receive(byte[] payload, UpdateSource source, boolean inlineAnswer) {
        DecodedUpdate update;
        try {
            update = decoder.decode(payload);
        } catch (UnreadableUpdate unreadable) {
            if (unreadable.updateId() == null) {
                throw unreadable;
            }
            return parkOrThrow(unreadable.updateId(), unreadable.field(), source, payload, unreadable);
        }
        try {
            Receipt receipt = record(classifier.classify(update), payload, source, inlineAnswer);
            poison.succeeded(update.updateId());
            return receipt;
        } catch (RuntimeException failure) {
            return parkOrThrow(update.updateId(), update.field(), source, payload, failure);
        }
    }

    private Receipt parkOrThrow(long updateId, String field, UpdateSource source, byte[] payload,
                                RuntimeException failure) {
        if (poison.parkAfter(updateId, source, field, payload, failure)) {
            return new Receipt(updateId, false, true, Optional.empty());
        }
        throw failure;
    }

    private Receipt record(ClassifiedUpdate update, byte[] payload, UpdateSource source, boolean inlineAnswer) {
        long updateId = update.updateId();
        InboxWrites.Arrival arrival = new InboxWrites.Arrival(update, source, payload);
        InboxWrites.Recorded recorded;
        try {
            recorded = writes.write(arrival);
        } catch (RuntimeException e) {
            if (DatabaseFault.classify(e) == DatabaseFault.UNAVAILABLE) {
                answerWithoutDatabase(arrival.update());
            }
            throw e;
        }
        if (!recorded.fresh()) {
            return new Receipt(updateId, true, false, Optional.empty());
        }
        Optional<BotCall> inline = inlineAnswer ? recorded.after().inlineAnswer() : Optional.empty();
        afterCommit.run(recorded.after(), inline);
        return new Receipt(updateId, false, false, inline);
    }

    /**
     * Nothing was recorded and Telegram will deliver the update again, but a pre-checkout query
     * cannot wait for the database: Telegram gives up after 10 s. Refusing it now keeps the buyer
     * from waiting for nothing; no money moves, and paying again after the outage works.
     */
    private void answerWithoutDatabase(ClassifiedUpdate update) {
        try {
            dispatcher.answerWithoutDatabase(update).ifPresent(afterCommit::sendWithoutCommit);
        } catch (RuntimeException unreadable) {
            LOG.warn("Update {} could not be answered during the outage: {}", update.updateId(), unreadable.getMessage());
        }
    }

    /**
     * @param duplicate    the update was already in the inbox; nothing was done
     * @param parked       the update failed its last allowed attempt and was set aside; nothing else was done
     * @param inlineAnswer the answer to send back in the webhook response, if any
     */
    public record Receipt(long updateId, boolean duplicate, boolean parked, Optional<BotCall> inlineAnswer) {
    }
}
