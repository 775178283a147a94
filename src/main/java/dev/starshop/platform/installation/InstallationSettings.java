package dev.starshop.platform.installation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param enabled check (and record) whose books the database holds at start-up; only tests that
 *                share one database between sandbox and bot contexts turn it off
 * @param adopt   let a bot take over books recorded for another bot or for the sandbox (a shop moved
 *                to a new bot token); never lets the sandbox run on a bot's books
 */
@ConfigurationProperties("starshop.installation")
record InstallationSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "false") boolean adopt) {
}
