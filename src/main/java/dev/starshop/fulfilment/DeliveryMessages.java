package dev.starshop.fulfilment;

import dev.starshop.catalog.DeliveryText;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * What a delivery says, rendered from the product's delivery text when it is sent (so a corrected
 * text reaches the units not sent yet). A CODES unit without a text gets "{productTitle}: {code}";
 * a text that leaves the code out gets it on a line of its own, so the buyer always receives it.
 */
@Singleton
class DeliveryMessages {

    private final ProductFiles files;

    DeliveryMessages(ProductFiles files) {
        this.files = files;
    }

    String text(DeliveryJob job) {
        boolean code = job.code() != null;
        String template = job.template() != null ? job.template() : code ? "{productTitle}: {code}" : "{productTitle}";
        String rendered = DeliveryText.parse(template, code).render(values(job));
        return code && !rendered.contains(job.code()) ? rendered + "\n" + job.code() : rendered;
    }

    OutgoingDocument document(DeliveryJob job) {
        DeliveryJob.StoredFile file = job.file();
        String caption = job.template() == null ? null : DeliveryText.parse(job.template(), false).render(values(job));
        return new OutgoingDocument(file.fileName(), file.contentType(), file.telegramFileId(),
                () -> files.content(job.sku()).orElseThrow(() -> new IllegalStateException("file gone")), caption);
    }

    private static Map<String, String> values(DeliveryJob job) {
        Map<String, String> values = new HashMap<>();
        values.put("orderId", job.orderId().toString());
        values.put("buyerName", job.buyerName() == null ? "" : job.buyerName());
        values.put("productTitle", job.title());
        values.put("quantity", Integer.toString(job.quantity()));
        if (job.code() != null) {
            values.put("code", job.code());
        }
        return values;
    }
}
