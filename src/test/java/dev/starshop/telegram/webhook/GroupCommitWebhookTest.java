package dev.starshop.telegram.webhook;

import dev.starshop.support.Db;
import dev.starshop.support.TelegramUpdates;
import io.micrometer.core.instrument.DistributionSummary;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Group commit against the real database: with the one lane held, concurrent webhook updates
 * queue up and then commit in one transaction. PostgreSQL's {@code xmin} of a row names the
 * transaction that wrote it, so "one transaction" is read from the rows, not assumed.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.group-commit.lanes", value = "1")
class GroupCommitWebhookTest extends HeldLaneTestBase {

    @Test
    void updatesArrivingTogetherCommitInOneTransactionAndADuplicateInTheBatchIsAnsweredOnce() throws Exception {
        List<Long> ids = nextIds(5);
        long chargeUpdate = NEXT_UPDATE.incrementAndGet();
        String charge = "stxGROUP" + chargeUpdate;
        long batchesBefore = sharedTransactions();

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> {
            List<Future<Integer>> posted = new ArrayList<>();
            ids.forEach(id -> posted.add(post(message(id))));
            posted.add(post(message(ids.get(0))));
            posted.add(post(payment(chargeUpdate, charge)));
            return posted;
        });

        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200), statuses(answers));
        Db db = new Db(dataSource);
        List<Long> all = new ArrayList<>(ids);
        all.add(chargeUpdate);
        assertEquals(6, db.count("SELECT count(*) FROM telegram_updates WHERE update_id IN (" + list(all) + ")"));
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(all) + ")"), "one transaction for the six updates");
        assertEquals(1, db.count("SELECT count(*) FROM payments p JOIN telegram_updates u ON u.xmin::text = p.xmin::text"
                + " WHERE p.telegram_payment_charge_id = ? AND u.update_id = ?", charge, chargeUpdate),
                "the payment committed in the same transaction as the inbox rows");
        // Not by xmin: the outbox sender may already have updated the row. The batch committed as one (above),
        // so the receipt it held back until just before that commit is there, once.
        assertEquals(1, db.count("SELECT count(*) FROM bot_outbox WHERE dedupe_key = ?", "receipt:PAYMENT:" + charge),
                "the receipt, written with the batch's other late rows just before its commit");
        assertEquals(batchesBefore + 1, sharedTransactions());
    }

    @Test
    void aBadUpdateInTheBatchIsRefusedAloneAndTheOthersAreStillRecorded() throws Exception {
        // A payment without a charge id passes the reading and fails in its handler, inside the shared transaction.
        List<Long> ids = nextIds(4);
        long bad = NEXT_UPDATE.incrementAndGet();

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> {
            List<Future<Integer>> posted = new ArrayList<>();
            ids.forEach(id -> posted.add(post(message(id))));
            posted.add(post(payment(bad, "")));
            return posted;
        });

        assertEquals(List.of(200, 200, 200, 200, 400), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(4, db.count("SELECT count(*) FROM telegram_updates WHERE update_id IN (" + list(ids) + ")"));
        assertEquals(0, db.count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", bad));
        assertEquals(4, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(ids) + ")"), "after the failed batch each update committed on its own");
    }

    @Test
    void aPreCheckoutQueryDoesNotWaitForTheBusyLane() throws Exception {
        long query = NEXT_UPDATE.incrementAndGet();
        List<Integer> answeredWhileHeld = new ArrayList<>();

        whileTheLaneIsHeld(() -> {
            Future<Integer> answer = post(preCheckoutForNoOrder(query));
            try {
                answeredWhileHeld.add(answer.get(20, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("the pre-checkout query waited for the lane", e);
            }
            return List.of();
        });

        assertEquals(List.of(200), answeredWhileHeld);
        assertEquals(1, new Db(dataSource).count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", query));
    }

    /** Zero before the engine's first update: the meters are registered with the inbox. */
    private long sharedTransactions() {
        DistributionSummary batches = meters.find("starshop.webhook.group.commit.batch").summary();
        return batches == null ? 0 : batches.count();
    }

    /** A Stars payment for an order nobody knows: recorded in full, flagged for review. */
    private static String payment(long id, String charge) {
        return TelegramUpdates.successfulPayment().updateId(id).buyer(100001, "Ann").currency("XTR").total(5)
                .payload("no-such-order").charge(charge).json();
    }

    private static String preCheckoutForNoOrder(long id) {
        return TelegramUpdates.preCheckoutQuery().updateId(id).buyer(100001, "Ann").currency("XTR").total(5)
                .payload("no-such-order").json();
    }
}
