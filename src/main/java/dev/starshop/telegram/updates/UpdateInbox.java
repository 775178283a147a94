package dev.starshop.telegram.updates;

import dev.starshop.platform.problem.DatabaseFault;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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

    private final JsonMapper json;
    private final UpdateClassifier classifier;
    private final UpdateDispatcher dispatcher;
    private final InboxWrites writes;
    private final AfterCommitActions afterCommit;
    private final PoisonUpdates poison;

    UpdateInbox(JsonMapper json, UpdateClassifier classifier, UpdateDispatcher dispatcher, InboxWrites writes,
                AfterCommitActions afterCommit, PoisonUpdates poison) {
        this.poison = poison;
        this.json = json;
        this.classifier = classifier;
        this.dispatcher = dispatcher;
        this.writes = writes;
        this.afterCommit = afterCommit;
    }

    /**
     * Records and handles one update. With {@code inlineAnswer}, a single pre-checkout or shipping
     * answer is returned for the webhook response instead of being sent. An update that has failed
     * its last allowed attempt is parked instead ({@link PoisonUpdates}) and the receipt says so; a
     * body without a readable update_id can be neither counted nor parked and always fails.
     */
    public Receipt receive(byte[] payload, UpdateSource source, boolean inlineAnswer) {
        JsonNode update = parse(payload);
        long updateId = update.get("update_id").getLongValue();
        try {
            Receipt receipt = record(updateId, update, payload, source, inlineAnswer);
            poison.succeeded(updateId);
            return receipt;
        } catch (RuntimeException failure) {
            if (poison.parkAfter(updateId, source, update, payload, failure)) {
                return new Receipt(updateId, false, true, Optional.empty());
            }
            throw failure;
        }
    }

    private Receipt record(long updateId, JsonNode update, byte[] payload, UpdateSource source, boolean inlineAnswer) {
        InboxWrites.Arrival arrival = new InboxWrites.Arrival(classifier.classify(updateId, update), source, payload);
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

    /** The update's JSON with a whole-number update_id, or 400 malformed-request. */
    private JsonNode parse(byte[] payload) {
        JsonNode update;
        try {
            update = json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "The update is not JSON");
        }
        JsonNode updateId = update == null || !update.isObject() ? null : update.get("update_id");
        if (updateId == null || !WholeNumbers.isWholeLong(updateId)) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "The update has no integer update_id");
        }
        return update;
    }

    /**
     * @param duplicate    the update was already in the inbox; nothing was done
     * @param parked       the update failed its last allowed attempt and was set aside; nothing else was done
     * @param inlineAnswer the answer to send back in the webhook response, if any
     */
    public record Receipt(long updateId, boolean duplicate, boolean parked, Optional<BotCall> inlineAnswer) {
    }
}
