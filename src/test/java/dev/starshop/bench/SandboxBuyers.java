package dev.starshop.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Buyers as Telegram knows them: sandbox users with Stars, each with the initData the sandbox host
 * signs for them with the engine's bot token exactly as Telegram would (the launch endpoint).
 */
record SandboxBuyers(List<Buyer> all) {

    /** One buyer: Telegram user id and the initData a Mini App would send for them. */
    record Buyer(long userId, String initData) {
    }

    /** Creates {@code count} users from {@code firstId} (409 for one that exists is fine) on a few threads. */
    static SandboxBuyers create(URI base, long firstId, int count) {
        int threads = 4;
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        List<Future<List<Buyer>>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            slices.add(workers.submit(() -> {
                Http http = new Http();
                List<Buyer> made = new ArrayList<>();
                for (int i = slice; i < count; i += threads) {
                    made.add(one(http, base, firstId + i));
                }
                return made;
            }));
        }
        List<Buyer> all = new ArrayList<>(count);
        try {
            for (Future<List<Buyer>> slice : slices) {
                all.addAll(slice.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create sandbox buyers", e);
        } finally {
            workers.shutdown();
        }
        all.sort(java.util.Comparator.comparingLong(Buyer::userId));
        return new SandboxBuyers(List.copyOf(all));
    }

    private static Buyer one(Http http, URI base, long id) {
        http.expect(201, HttpRequest.newBuilder(base.resolve("/sandbox/api/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":%d,"firstName":"Buyer","username":"fan_%d","languageCode":"en","starBalance":100000}"""
                        .formatted(id, id))).build(), 409);
        String launch = http.expect(200, HttpRequest.newBuilder(
                base.resolve("/sandbox/api/host/launch?userId=" + id)).build(), 200);
        return new Buyer(id, Http.jsonString(launch, "initData"));
    }

    Buyer get(int index) {
        return all.get(index);
    }

    int size() {
        return all.size();
    }
}
