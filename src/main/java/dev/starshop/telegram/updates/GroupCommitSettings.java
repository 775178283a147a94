package dev.starshop.telegram.updates;

import dev.starshop.platform.db.GroupCommit;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Webhook updates that arrive together commit together (see {@link GroupCommit}).
 *
 * @param enabled  share one transaction between concurrent webhook updates
 * @param lanes    how many shared transactions may run at once (each holds one database connection)
 * @param maxBatch most updates in one shared transaction
 */
@ConfigurationProperties("starshop.telegram.group-commit")
public record GroupCommitSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "2") int lanes,
        @Bindable(defaultValue = "32") int maxBatch) {
}
