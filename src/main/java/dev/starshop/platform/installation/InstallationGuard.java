package dev.starshop.platform.installation;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox and shop never share books, nor do two bots. At start-up (eager, before any start-up
 * listener talks to Telegram or seeds data) the database says whose books it holds; an engine
 * configured for someone else refuses to start. A new database is claimed by the first engine.
 *
 * <p>A database written before this check existed is claimed by whichever engine starts on it
 * first: nothing older tells sandbox books from a shop's.
 */
@Context
@Requires(property = "starshop.installation.enabled", notEquals = "false")
final class InstallationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(InstallationGuard.class);

    InstallationGuard(Environment environment, InstallationSettings settings, InstallationRecords records) {
        Owner starting = Owner.fromToken(environment.getProperty("starshop.telegram.bot-token", String.class).orElse(null));
        InstallationRecords.Recorded recorded = records.currentOrClaim(starting);
        if (recorded.owner().equals(starting)) {
            if (settings.adopt()) {
                LOG.warn("starshop.installation.adopt is set but there is nothing to adopt: remove it");
            }
            return;
        }
        if (settings.adopt() && !starting.isSandbox()) {
            records.adopt(starting);
            LOG.warn("These books belonged to {} since {}; {} adopted them (starshop.installation.adopt). Remove the"
                    + " setting now, so that a wrong token is refused again", recorded.owner(), recorded.since(), starting);
            return;
        }
        throw new IllegalStateException(refusal(recorded, starting));
    }

    static String refusal(InstallationRecords.Recorded recorded, Owner starting) {
        String adoptHint = starting.isSandbox()
                ? ""
                : " If this shop really moved to a new bot token, start once with STARSHOP_INSTALLATION_ADOPT=true"
                        + " (starshop.installation.adopt) and remove it afterwards.";
        return "This database holds the books of " + recorded.owner() + " (since " + recorded.since() + "), but this"
                + " engine runs for " + starting + ". Sandbox and shops never share books. To proceed, give this engine"
                + " its own database: STARSHOP_EMBEDDED_POSTGRES_DATA_DIR for the embedded PostgreSQL (unset, the"
                + " sandbox uses ~/.starshop/sandbox-pgdata and a bot ~/.starshop/pgdata), DATASOURCES_DEFAULT_URL"
                + " for an external one." + adoptHint;
    }
}
