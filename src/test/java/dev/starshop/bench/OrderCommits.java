package dev.starshop.bench;

import dev.starshop.support.EngineProcess;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's own count of order placements that shared a transaction
 * ({@code starshop_orders_group_commit_batch}: one per shared transaction that committed, its sum
 * the orders in them), from /prometheus. Zero before the first shared transaction.
 */
record OrderCommits(long sharedTransactions, long ordersShared) {

    static OrderCommits read(URI base) {
        String scrape = new Http().expect(200, HttpRequest.newBuilder(base.resolve("/prometheus"))
                .header("Authorization", "Bearer " + EngineProcess.ADMIN_TOKEN).build(), 200);
        return new OrderCommits(value(scrape, "starshop_orders_group_commit_batch_count"),
                value(scrape, "starshop_orders_group_commit_batch_sum"));
    }

    OrderCommits since(OrderCommits earlier) {
        return new OrderCommits(sharedTransactions - earlier.sharedTransactions, ordersShared - earlier.ordersShared);
    }

    /** Order transactions per order: the shared ones plus one for each order placed alone. */
    double transactionsPerOrder(long placed) {
        return placed == 0 ? 0 : (sharedTransactions + (placed - ordersShared)) / (double) placed;
    }

    private static long value(String scrape, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(2)) : 0;
    }
}
