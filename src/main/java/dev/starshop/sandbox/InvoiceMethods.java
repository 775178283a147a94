package dev.starshop.sandbox;

import dev.starshop.money.CurrencyTable;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** createInvoiceLink, answerPreCheckoutQuery, answerShippingQuery. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class InvoiceMethods implements BotMethods {

    private final Invoices invoices;
    private final Queries queries;
    private final InvoiceValidator validator;

    InvoiceMethods(Invoices invoices, Queries queries, CurrencyTable currencies) {
        this.invoices = invoices;
        this.queries = queries;
        this.validator = new InvoiceValidator(currencies);
    }

    @Override
    public void register(Map<String, BotMethod> registry) {
        registry.put("createInvoiceLink", this::createInvoiceLink);
        registry.put("answerPreCheckoutQuery", this::answerPreCheckoutQuery);
        registry.put("answerShippingQuery", this::answerShippingQuery);
    }

    private Object createInvoiceLink(Params p) {
        Invoice invoice = validator.validate(p, invoices.newSlug());
        invoices.add(invoice);
        return "https://t.me/$" + invoice.slug();
    }

    private Object answerPreCheckoutQuery(Params p) {
        boolean ok = p.bool("ok");
        String error = p.string("error_message");
        if (!ok && (error == null || error.isBlank())) {
            throw BotApiError.badRequest("error_message must be non-empty if ok is false");
        }
        queries.answer(p.requiredString("pre_checkout_query_id"), new Queries.Answer(ok, error, List.of()));
        return true;
    }

    private Object answerShippingQuery(Params p) {
        boolean ok = p.bool("ok");
        String error = p.string("error_message");
        List<Map<String, Object>> options = p.list("shipping_options");
        if (ok && (options == null || options.isEmpty())) {
            throw BotApiError.badRequest("shipping_options must be non-empty if ok is true");
        }
        if (!ok && (error == null || error.isBlank())) {
            throw BotApiError.badRequest("error_message must be non-empty if ok is false");
        }
        queries.answer(p.requiredString("shipping_query_id"),
                new Queries.Answer(ok, error, options == null ? List.of() : options));
        return true;
    }
}
