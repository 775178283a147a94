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
 * the commit.
 */
@Singleton
public class UpdateInbox {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateInbox.class);

    private final JsonMapper json;
    private final UpdateClassifier classifier;
    private final UpdateDispatcher dispatcher;
    private final InboxWrites writes;
    private final AfterCommitActions afterCommit;

    UpdateInbox(JsonMapper json, UpdateClassifier classifier, UpdateDispatcher dispatcher, InboxWrites writes,
                AfterCommitActions afterCommit) {
        this.json = json;
        this.classifier = classifier;
        this.dispatcher = dispatcher;
        this.writes = writes;
        this.afterCommit = afterCommit;
    }

    /**
     * Records and handles one update. With {@code inlineAnswer}, a single pre-checkout or shipping
     * answer is returned for the webhook response instead of being sent.
     */
    public Receipt receive(byte[] payload, UpdateSource source, boolean inlineAnswer) {
        InboxWrites.Arrival arrival = new InboxWrites.Arrival(classify(payload), source, payload);
        InboxWrites.Recorded recorded;
        try {
            recorded = writes.write(arrival);
        } catch (RuntimeException e) {
            if (DatabaseFault.classify(e) == DatabaseFault.UNAVAILABLE) {
                answerWithoutDatabase(arrival.update());
            }
            throw e;
        }
        long updateId = arrival.update().updateId();
        if (!recorded.fresh()) {
            return new Receipt(updateId, true, Optional.empty());
        }
        Optional<BotCall> inline = inlineAnswer ? recorded.after().inlineAnswer() : Optional.empty();
        afterCommit.run(recorded.after(), inline);
        return new Receipt(updateId, false, inline);
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

    private ClassifiedUpdate classify(byte[] payload) {
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
        return classifier.classify(updateId.getLongValue(), update);
    }

    /**
     * @param duplicate    the update was already in the inbox; nothing was done
     * @param inlineAnswer the answer to send back in the webhook response, if any
     */
    public record Receipt(long updateId, boolean duplicate, Optional<BotCall> inlineAnswer) {
    }
}
