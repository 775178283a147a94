package dev.starshop.telegram.updates;

import dev.starshop.platform.problem.DatabaseFault;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;

/**
 * The one way updates enter the engine, from the webhook or from long polling. The inbox row and
 * every effect of the handler commit in one transaction; a redelivered update finds its row and
 * changes nothing. Bot API calls the handler decided are made only after the commit.
 */
@Singleton
public class UpdateInbox {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateInbox.class);

    private final JsonMapper json;
    private final UpdateClassifier classifier;
    private final UpdateDispatcher dispatcher;
    private final InboxRepository inbox;
    private final TransactionOperations<Connection> transactions;
    private final AfterCommitActions afterCommit;
    private final Clock clock;

    UpdateInbox(JsonMapper json, UpdateClassifier classifier, UpdateDispatcher dispatcher, InboxRepository inbox,
                TransactionOperations<Connection> transactions, AfterCommitActions afterCommit, Clock clock) {
        this.json = json;
        this.classifier = classifier;
        this.dispatcher = dispatcher;
        this.inbox = inbox;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /**
     * Records and handles one update. With {@code inlineAnswer}, a single pre-checkout or shipping
     * answer is returned for the webhook response instead of being sent.
     */
    public Receipt receive(byte[] payload, UpdateSource source, boolean inlineAnswer) {
        ClassifiedUpdate update = classify(payload);
        AfterCommit after = new AfterCommit();
        boolean fresh;
        try {
            fresh = transactions.executeWrite(status -> {
                if (!inbox.insertIfNew(update, source, payload, clock.instant())) {
                    return false;
                }
                dispatcher.dispatch(update, after);
                return true;
            });
        } catch (RuntimeException e) {
            if (DatabaseFault.classify(e) == DatabaseFault.UNAVAILABLE) {
                answerWithoutDatabase(update);
            }
            throw e;
        }
        if (!fresh) {
            return new Receipt(update.updateId(), true, Optional.empty());
        }
        Optional<BotCall> inline = inlineAnswer ? after.inlineAnswer() : Optional.empty();
        afterCommit.run(after, inline);
        return new Receipt(update.updateId(), false, inline);
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
