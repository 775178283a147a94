package dev.starshop.checkout;

import dev.starshop.checkout.PaymentUpdates.Sent;
import dev.starshop.order.OrderExpiry;
import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.MovableClock;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One seeded run of buyers, orders and Telegram payment updates. Each {@link #step} does one random
 * thing the way Telegram or a buyer would and says what it did; the same seed does the same things
 * in the same order (ids differ per run, behaviour does not).
 */
final class PaymentScenario {

    /** An order placed through the public API. */
    record Placed(UUID id, long buyer, String authorization, String currency, long total, boolean subscription) {

        @Override
        public String toString() {
            return id + " (buyer " + buyer + ", " + total + " " + currency + (subscription ? ", subscription)" : ")");
        }
    }

    /** A payment or refund message as delivered: what invariant 4 expects to find on file. */
    record Charge(String id, long buyer, String currency, long total, String payload, Sent update) {
    }

    private final Random random;
    private final CheckoutFixture shop;
    private final Api api;
    private final InitDataSigner signer;
    private final MovableClock clock;
    private final OrderExpiry expiry;
    private final InvariantAudit audit;
    private final PaymentUpdates updates;
    private final String chargePrefix;
    private final List<Long> buyers;
    private final String goods;
    private final String club;

    private final List<Placed> orders = new ArrayList<>();
    private final List<Sent> delivered = new ArrayList<>();
    private final List<Charge> payments = new ArrayList<>();
    private final List<Charge> delayed = new ArrayList<>();
    private final List<Charge> subscriptions = new ArrayList<>();
    final Set<String> paidCharges = new LinkedHashSet<>();
    final Set<String> refundedCharges = new LinkedHashSet<>();
    private int nextCharge;

    PaymentScenario(long seed, Api api, InitDataSigner signer, MovableClock clock, OrderExpiry expiry,
                    InvariantAudit audit, PaymentUpdates updates, String chargePrefix, List<Long> buyers) {
        this.random = new Random(seed);
        this.shop = new CheckoutFixture(api, signer, null);
        this.api = api;
        this.signer = signer;
        this.clock = clock;
        this.expiry = expiry;
        this.audit = audit;
        this.updates = updates;
        this.chargePrefix = chargePrefix;
        this.buyers = buyers;
        this.goods = shop.product("DIGITAL", 1_000_000, 100, 300);
        this.club = subscriptionProduct();
    }

    /** Does one random thing; returns what, for the failure report. */
    String step() {
        int roll = random.nextInt(100);
        if (roll < 14) return placeOrder();
        if (roll < 30) return pay();
        if (roll < 36) return cancel();
        if (roll < 41) return tick();
        if (roll < 47) return latePayment();
        if (roll < 51) return wrongAmount();
        if (roll < 54) return unknownPayload();
        if (roll < 63) return redeliverSameUpdate();
        if (roll < 70) return redeliverSameCharge();
        if (roll < 78) return refundUpdate();
        if (roll < 84) return renewal();
        if (roll < 88) return adminCardRefund();
        return releaseDelayed();
    }

    private String placeOrder() {
        long buyer = buyers.get(random.nextInt(buyers.size()));
        String authorization = signer.authDate(clock.instant()).header(buyer, "inv" + buyer, "en");
        int kind = random.nextInt(10);
        boolean subscription = kind < 2;
        String currency = kind < 7 ? "XTR" : "USD";
        Map<String, Object> order = shop.order(authorization, currency, subscription ? club : goods,
                subscription ? 1 : 1 + random.nextInt(3));
        Placed placed = new Placed(UUID.fromString((String) order.get("id")), buyer, authorization, currency,
                ((Number) order.get("totalAmount")).longValue(), subscription);
        orders.add(placed);
        return "place " + placed;
    }

    private String pay() {
        return pick(orders, inStatus("PENDING_PAYMENT"))
                .map(order -> send(charge(order, order.total(), order.id().toString(), order.subscription()),
                        "pay", true))
                .orElseGet(this::placeOrder);
    }

    private String cancel() {
        return pick(orders, inStatus("PENDING_PAYMENT")).map(order -> {
            int status = api.send(HttpRequest.POST("/api/orders/" + order.id() + "/cancel", "")
                    .header("Authorization", order.authorization())).status();
            return "cancel " + order.id() + " -> " + status;
        }).orElse("cancel: nothing pending");
    }

    private String tick() {
        Duration by = Duration.ofMinutes(3 + random.nextInt(12));
        clock.advance(by);
        return "clock +" + by + ", expired " + expiry.expireDue();
    }

    private String latePayment() {
        return pick(orders, inStatus("CANCELLED").or(inStatus("EXPIRED")))
                .map(order -> send(charge(order, order.total(), order.id().toString(), false), "late pay", false))
                .orElse("late pay: nothing cancelled or expired");
    }

    private String wrongAmount() {
        return pick(orders, inStatus("PENDING_PAYMENT")).map(order -> {
            long total = order.total() + (random.nextBoolean() || order.total() == 1 ? 1 : -1);
            return send(charge(order, total, order.id().toString(), false), "wrong amount", false);
        }).orElse("wrong amount: nothing pending");
    }

    private String unknownPayload() {
        Placed anyone = new Placed(null, buyers.get(random.nextInt(buyers.size())), null, "XTR",
                1 + random.nextInt(500), false);
        return send(charge(anyone, anyone.total(), "not-ours-" + random.nextInt(1000), false), "unknown payload",
                false);
    }

    private String redeliverSameUpdate() {
        return pick(delivered, any -> true).map(sent -> deliver(sent, "redeliver update " + sent.updateId()))
                .orElse("redeliver: nothing sent yet");
    }

    private String redeliverSameCharge() {
        return pick(delivered, any -> true).map(sent -> deliver(updates.redelivered(sent),
                "same message as update " + sent.updateId() + " under a new update_id")).orElse("redeliver: none");
    }

    private String refundUpdate() {
        return pick(payments, c -> c.currency().equals("XTR") && paidCharges.contains(c.id())
                && !refundedCharges.contains(c.id()) && delayed.stream().noneMatch(d -> d.id().equals(c.id())))
                .map(c -> send(new Charge(c.id(), c.buyer(), c.currency(), c.total(), c.payload(),
                        updates.refunded(c.buyer(), c.total(), c.payload(), c.id())), "refund", true))
                .orElse("refund: no paid Stars charge");
    }

    private String renewal() {
        return pick(subscriptions, any -> true).map(first -> {
            String id = chargePrefix + (++nextCharge);
            return send(new Charge(id, first.buyer(), "XTR", first.total(), first.payload(),
                    updates.renewal(first.buyer(), first.total(), first.payload(), id, nextCharge)),
                    "renew " + first.payload(), true);
        }).orElse("renew: no subscription paid yet");
    }

    private String adminCardRefund() {
        return pick(orders, o -> o.currency().equals("USD") && Set.of("PAID", "NEEDS_REVIEW", "REFUNDED")
                .contains(audit.status(o.id()))).map(order -> {
                    Api.Reply reply = shop.refund(order.id(), "re_" + random.nextInt(1_000_000));
                    if (reply.status() == 200) {
                        refundedCharges.add((String) reply.json().get("telegramPaymentChargeId"));
                    } else if (reply.status() != 409) {
                        throw new AssertionError("admin refund of " + order.id() + " answered " + reply.status()
                                + ": " + reply.body());
                    }
                    return "admin refund " + order.id() + " -> " + reply.status() + " " + reply.body();
                }).orElse("admin refund: no paid card order");
    }

    private String releaseDelayed() {
        if (delayed.isEmpty()) {
            return "release: nothing held back";
        }
        Charge held = delayed.remove(random.nextInt(delayed.size()));
        return record(held, deliver(held.update(), "release held " + held.id()));
    }

    /** Sends the update now, or (when {@code mayDelay}) holds it back to arrive after later ones. */
    private String send(Charge charge, String what, boolean mayDelay) {
        if (mayDelay && random.nextInt(4) == 0) {
            delayed.add(charge);
            return "hold back " + what + " " + charge.id();
        }
        return record(charge, deliver(charge.update(), what + " " + charge.id() + " " + charge.total() + " "
                + charge.currency() + " for " + charge.payload()));
    }

    private String record(Charge charge, String what) {
        if (charge.update().json().contains("\"refunded_payment\"")) {
            refundedCharges.add(charge.id());
        } else {
            paidCharges.add(charge.id());
            payments.add(charge);
        }
        if (charge.update().json().contains("\"is_first_recurring\":true")) {
            subscriptions.add(charge);
        }
        return what;
    }

    private Charge charge(Placed order, long total, String payload, boolean subscription) {
        String id = chargePrefix + (++nextCharge);
        Sent update = subscription ? updates.firstSubscriptionPayment(order.buyer(), total, payload, id)
                : updates.payment(order.buyer(), order.currency(), total, payload, id);
        return new Charge(id, order.buyer(), order.currency(), total, payload, update);
    }

    private String deliver(Sent update, String what) {
        Api.Reply reply = api.send(HttpRequest.POST("/telegram/webhook", update.json()).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret"));
        if (reply.status() != 200) {
            throw new AssertionError(what + ": the webhook answered " + reply.status() + " " + reply.body()
                    + " to " + update.json());
        }
        delivered.add(update);
        return what;
    }

    private Predicate<Placed> inStatus(String status) {
        return order -> status.equals(audit.status(order.id()));
    }

    private <T> Optional<T> pick(List<T> from, Predicate<T> filter) {
        List<T> candidates = from.stream().filter(filter).toList();
        return candidates.isEmpty() ? Optional.empty()
                : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private String subscriptionProduct() {
        return ShopFixture.product("inv-club").title("Invariant club").description("Monthly.").kind("SUBSCRIPTION")
                .price("XTR", 90).create(api);
    }
}
