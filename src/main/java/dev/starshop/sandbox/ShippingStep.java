package dev.starshop.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Order info and, for flexible invoices, the shipping_query round trip with the bot. */
final class ShippingStep {

    private static final List<String> ADDRESS_FIELDS =
            List.of("country_code", "state", "city", "street_line1", "street_line2", "post_code");

    private final Queries queries;
    private final UpdatePublisher publisher;
    private final Duration timeout;

    ShippingStep(Queries queries, UpdatePublisher publisher, Duration timeout) {
        this.queries = queries;
        this.publisher = publisher;
        this.timeout = timeout;
    }

    Checkout settle(Invoice invoice, SandboxUser user, PayRequest request) {
        Map<String, Object> address = invoice.needShippingAddress() && !invoice.isStars()
                ? address(request) : null;
        Map<String, Object> orderInfo = invoice.isStars() ? null : orderInfo(invoice, user, request, address);
        long tip = request.tipAmount() == null ? 0 : request.tipAmount();
        if (tip < 0 || tip > invoice.maxTipAmount()) {
            throw new PaymentFailed("tip not accepted by the invoice");
        }
        if (!invoice.asksShipping()) {
            return new Checkout(orderInfo, null, 0, tip);
        }
        Map<String, Object> option = askBot(invoice, user, address, request.shippingOptionId());
        return new Checkout(orderInfo, (String) option.get("id"), optionAmount(option), tip);
    }

    private static Map<String, Object> address(PayRequest request) {
        if (request.shippingAddress() == null) {
            throw new PaymentFailed("shipping address required");
        }
        Object[] pairs = new Object[ADDRESS_FIELDS.size() * 2];
        for (int i = 0; i < ADDRESS_FIELDS.size(); i++) {
            pairs[2 * i] = ADDRESS_FIELDS.get(i);
            pairs[2 * i + 1] = request.shippingAddress().getOrDefault(ADDRESS_FIELDS.get(i), "");
        }
        return Json.obj(pairs);
    }

    private static Map<String, Object> orderInfo(Invoice invoice, SandboxUser user, PayRequest request,
                                                 Map<String, Object> address) {
        Map<String, Object> info = Json.obj(
                "name", invoice.needName() ? orDefault(request.name(), user.firstName()) : null,
                "phone_number", invoice.needPhoneNumber() ? orDefault(request.phoneNumber(), "15550100") : null,
                "email", invoice.needEmail() ? orDefault(request.email(), user.username() + "@example.org") : null,
                "shipping_address", address);
        return info.isEmpty() ? null : info;
    }

    private Map<String, Object> askBot(Invoice invoice, SandboxUser user, Map<String, Object> address,
                                       String wantedOption) {
        String queryId = queries.open();
        publisher.publish(user.id(), "shipping_query", Json.obj("id", queryId, "from", user.toTelegram(),
                "invoice_payload", invoice.payload(), "shipping_address", address));
        Queries.Answer answer = queries.await(queryId, timeout)
                .orElseThrow(() -> new PaymentFailed("shipping query was not answered in time"));
        if (!answer.ok()) {
            throw new PaymentFailed(answer.errorMessage());
        }
        return answer.shippingOptions().stream()
                .filter(option -> wantedOption == null || wantedOption.equals(option.get("id")))
                .findFirst().orElseThrow(() -> new PaymentFailed("shipping option not offered by the bot"));
    }

    @SuppressWarnings("unchecked")
    private static long optionAmount(Map<String, Object> option) {
        List<Map<String, Object>> prices = (List<Map<String, Object>>) option.getOrDefault("prices", List.of());
        return prices.stream().mapToLong(price -> ((Number) price.get("amount")).longValue()).sum();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
