package dev.starshop.catalog;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

/** What a product's delivery must satisfy before it is saved (docs/fulfilment.md). */
final class DeliveryRules {

    private DeliveryRules() {
    }

    static Delivery check(ProductInput input) {
        Delivery delivery = input.delivery() == null ? Delivery.NONE : input.delivery();
        String text = delivery.text();
        switch (delivery.kind()) {
            case NONE -> {
                if (text != null) {
                    throw invalid("A product delivered with kind NONE has no delivery text");
                }
            }
            case TEXT -> {
                if (text == null || text.isBlank()) {
                    throw invalid("A TEXT delivery needs its text (the message, link or instructions)");
                }
            }
            case FILE -> {
                if (text != null && text.length() > DeliveryText.MAX_CAPTION_LENGTH) {
                    throw invalid("A FILE delivery's text is the document's caption: at most "
                            + DeliveryText.MAX_CAPTION_LENGTH + " characters");
                }
            }
            case CODES -> {
                if (input.kind() == ProductKind.SUBSCRIPTION) {
                    throw invalid("A subscription cannot deliver codes: each renewal would need one");
                }
            }
        }
        if (text != null) {
            try {
                DeliveryText.parse(text, delivery.kind() == DeliveryKind.CODES);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemCode.UNKNOWN_PLACEHOLDER, e.getMessage());
            }
        }
        return delivery;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}
