package dev.starshop.telegram.botapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per limit of Bot API 10.1 createInvoiceLink / answerPreCheckoutQuery / answerShippingQuery. */
class InvoiceRulesTest {

    private static final LabeledPrice MUG = new LabeledPrice("Mug", 250);

    @Test
    void validStarsAndCardInvoicesPass() {
        assertDoesNotThrow(() -> InvoiceRules.check(stars()));
        assertDoesNotThrow(() -> InvoiceRules.check(card().withTips(500L, List.of(100L, 200L, 500L))));
        assertDoesNotThrow(() -> InvoiceRules.check(stars().withSubscriptionPeriod(2592000)));
    }

    @Test
    void titleIsOneToThirtyTwoCharacters() {
        refused(() -> InvoiceRules.check(CreateInvoiceLink.stars("", "d", "p", MUG)), "title");
        refused(() -> InvoiceRules.check(CreateInvoiceLink.stars("x".repeat(33), "d", "p", MUG)), "title");
        assertDoesNotThrow(() -> InvoiceRules.check(CreateInvoiceLink.stars("x".repeat(32), "d", "p", MUG)));
    }

    @Test
    void descriptionIsOneToTwoHundredFiftyFiveCharacters() {
        refused(() -> InvoiceRules.check(CreateInvoiceLink.stars("t", "", "p", MUG)), "description");
        refused(() -> InvoiceRules.check(CreateInvoiceLink.stars("t", "d".repeat(256), "p", MUG)), "description");
    }

    @Test
    void payloadIsOneToOneHundredTwentyEightBytesOfUtf8() {
        refused(() -> InvoiceRules.check(CreateInvoiceLink.stars("t", "d", "", MUG)), "payload");
        // 43 three-byte characters are 129 bytes but only 43 characters.
        refused(() -> InvoiceRules.check(CreateInvoiceLink.stars("t", "d", "€".repeat(43), MUG)), "payload");
        assertDoesNotThrow(() -> InvoiceRules.check(CreateInvoiceLink.stars("t", "d", "a".repeat(128), MUG)));
    }

    @Test
    void starsNeedAnEmptyProviderToken() {
        CreateInvoiceLink withToken = CreateInvoiceLink.card("t", "d", "p", "284685063:TEST:abc", "XTR", List.of(MUG));
        refused(() -> InvoiceRules.check(withToken), "provider_token");
    }

    @Test
    void starsNeedExactlyOnePrice() {
        CreateInvoiceLink two = CreateInvoiceLink.card("t", "d", "p", "", "XTR", List.of(MUG, MUG));
        refused(() -> InvoiceRules.check(two), "exactly one price");
    }

    @Test
    void starsTakeNoTips() {
        refused(() -> InvoiceRules.check(stars().withTips(10L, null)), "tips");
        refused(() -> InvoiceRules.check(stars().withTips(null, List.of(5L))), "tips");
        assertDoesNotThrow(() -> InvoiceRules.check(stars().withTips(0L, List.of())));
    }

    @Test
    void cardPaymentsNeedAProviderToken() {
        refused(() -> InvoiceRules.check(CreateInvoiceLink.card("t", "d", "p", "", "EUR", List.of(MUG))), "provider_token");
        refused(() -> InvoiceRules.check(CreateInvoiceLink.card("t", "d", "p", null, "EUR", List.of(MUG))), "provider_token");
    }

    @Test
    void atMostFourSuggestedTips() {
        refused(() -> InvoiceRules.check(card().withTips(1000L, List.of(1L, 2L, 3L, 4L, 5L))), "at most 4");
    }

    @Test
    void suggestedTipsArePositive() {
        refused(() -> InvoiceRules.check(card().withTips(1000L, List.of(0L, 2L))), "positive");
    }

    @Test
    void suggestedTipsStrictlyIncrease() {
        refused(() -> InvoiceRules.check(card().withTips(1000L, List.of(200L, 200L))), "strictly increasing");
        refused(() -> InvoiceRules.check(card().withTips(1000L, List.of(300L, 200L))), "strictly increasing");
    }

    @Test
    void suggestedTipsDoNotExceedTheMaximumTip() {
        refused(() -> InvoiceRules.check(card().withTips(150L, List.of(100L, 200L))), "max_tip_amount");
        refused(() -> InvoiceRules.check(card().withTips(null, List.of(100L))), "max_tip_amount");
        refused(() -> InvoiceRules.check(card().withTips(-1L, null)), "max_tip_amount must not be negative");
    }

    @Test
    void subscriptionPeriodIsOnlyThirtyDays() {
        refused(() -> InvoiceRules.check(stars().withSubscriptionPeriod(86400)), "2592000");
    }

    @Test
    void subscriptionsAreOnlyInStars() {
        refused(() -> InvoiceRules.check(card().withSubscriptionPeriod(2592000)), "only allowed with XTR");
    }

    @Test
    void aSubscriptionCostsAtMostTenThousandStars() {
        CreateInvoiceLink dear = CreateInvoiceLink.stars("t", "d", "p", new LabeledPrice("Club", 10_001))
                .withSubscriptionPeriod(2592000);
        refused(() -> InvoiceRules.check(dear), "10000 Stars");
        assertDoesNotThrow(() -> InvoiceRules.check(CreateInvoiceLink.stars("t", "d", "p",
                new LabeledPrice("Club", 10_000)).withSubscriptionPeriod(2592000)));
    }

    @Test
    void pricesAreNotEmpty() {
        refused(() -> InvoiceRules.check(CreateInvoiceLink.card("t", "d", "p", "tok", "EUR", List.of())), "prices");
    }

    @Test
    void everyPriceHasALabel() {
        CreateInvoiceLink unlabeled = CreateInvoiceLink.stars("t", "d", "p", new LabeledPrice(" ", 5));
        refused(() -> InvoiceRules.check(unlabeled), "label");
    }

    @Test
    void theTotalIsPositive() {
        refused(() -> InvoiceRules.check(CreateInvoiceLink.stars("t", "d", "p", new LabeledPrice("Free", 0))), "total");
    }

    @Test
    void aRefusedPreCheckoutNeedsAnErrorMessage() {
        refused(() -> InvoiceRules.check(new AnswerPreCheckoutQuery("q", false, null)), "error_message");
        refused(() -> InvoiceRules.check(new AnswerPreCheckoutQuery("q", false, " ")), "error_message");
        assertDoesNotThrow(() -> InvoiceRules.check(AnswerPreCheckoutQuery.accept("q")));
    }

    @Test
    void aRefusedShippingQueryNeedsAnErrorMessage() {
        refused(() -> InvoiceRules.check(new AnswerShippingQuery("q", false, null, null)), "error_message");
    }

    @Test
    void anAcceptedShippingQueryNeedsShippingOptions() {
        refused(() -> InvoiceRules.check(new AnswerShippingQuery("q", true, List.of(), null)), "shipping_options");
        assertDoesNotThrow(() -> InvoiceRules.check(AnswerShippingQuery.accept("q",
                List.of(new ShippingOption("post", "Post", List.of(new LabeledPrice("Post", 500)))))));
    }

    private static CreateInvoiceLink stars() {
        return CreateInvoiceLink.stars("Star mug", "A mug", "order:1", MUG);
    }

    private static CreateInvoiceLink card() {
        return CreateInvoiceLink.card("Star mug", "A mug", "order:1", "284685063:TEST:abc", "EUR", List.of(MUG));
    }

    private static void refused(Executable check, String ruleMentions) {
        BotApiRequestInvalidException e = assertThrows(BotApiRequestInvalidException.class, check);
        assertTrue(e.getMessage().contains(ruleMentions), e.getMessage());
        assertEquals(dev.starshop.platform.problem.ProblemCode.INVALID_REQUEST, e.code());
    }
}
