package dev.starshop.bench;

import dev.starshop.support.EngineProcess;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's own count of createInvoiceLink calls by whether the calling thread held a database
 * connection ({@code starshop_invoice_link_calls_total}, see docs/operations.md), from /prometheus.
 */
record InvoiceCalls(long free, long holding) {

    static InvoiceCalls read(URI base) {
        String scrape = new Http().expect(200, HttpRequest.newBuilder(base.resolve("/prometheus"))
                .header("Authorization", "Bearer " + EngineProcess.ADMIN_TOKEN).build(), 200);
        return new InvoiceCalls(count(scrape, false), count(scrape, true));
    }

    InvoiceCalls since(InvoiceCalls earlier) {
        return new InvoiceCalls(free - earlier.free, holding - earlier.holding);
    }

    private static long count(String scrape, boolean holding) {
        Matcher matcher = Pattern.compile("(?m)^starshop_invoice_link_calls_total\\{[^}]*holding_connection=\""
                + holding + "\"[^}]*} ([0-9.eE+-]+)$").matcher(scrape);
        if (!matcher.find()) {
            throw new IllegalStateException("No starshop_invoice_link_calls_total{holding_connection=\"" + holding
                    + "\"} in /prometheus");
        }
        return (long) Double.parseDouble(matcher.group(1));
    }
}
