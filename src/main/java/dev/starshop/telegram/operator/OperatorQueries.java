package dev.starshop.telegram.operator;

/** The operator chat's reads of tables it does not own, for the schema contract test. */
public final class OperatorQueries {

    /** Which queued operator messages the bot outbox has settled (telegram.outbox's bot_outbox). */
    public static final String SETTLED_MESSAGES = OperatorAlertRepository.SETTLED_MESSAGES;

    private OperatorQueries() {
    }
}
