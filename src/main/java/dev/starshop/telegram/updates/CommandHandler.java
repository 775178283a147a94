package dev.starshop.telegram.updates;

/** Answers the bot's chat commands; runs inside the update's transaction like every handler. */
public interface CommandHandler {

    void onCommand(ClassifiedUpdate.BotCommand update, AfterCommit after);
}
