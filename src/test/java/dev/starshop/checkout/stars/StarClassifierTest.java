package dev.starshop.checkout.stars;

import dev.starshop.money.StarQuantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import static dev.starshop.checkout.stars.StarMovements.in;
import static dev.starshop.checkout.stars.StarMovements.out;
import static dev.starshop.checkout.stars.StarMovements.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every case of Bot API 10.1's StarTransaction: each TransactionPartner type, each user
 * transaction_type, both directions, each RevenueWithdrawalState, and what the spec does not describe.
 */
class StarClassifierTest {

    private static final StarQuantity TEN = StarQuantity.ofStars(10);
    private static final Set<String> PAYMENTS = Set.of("paid-1");

    static Stream<Arguments> spec() {
        return Stream.of(
                Arguments.of("user invoice_payment in", in("p", TEN, user("invoice_payment")), StarKind.INVOICE_PAYMENT),
                Arguments.of("user invoice_payment out", out("p", TEN, user("invoice_payment")), StarKind.INVOICE_REFUND),
                Arguments.of("user paid_media_payment in", in("m", TEN, user("paid_media_payment")),
                        StarKind.PAID_MEDIA_SALE),
                Arguments.of("user paid_media_payment out", out("m", TEN, user("paid_media_payment")),
                        StarKind.PAID_MEDIA_REFUND),
                Arguments.of("user gift_purchase out", out("g", TEN, user("gift_purchase")), StarKind.GIFT_PURCHASE),
                Arguments.of("user gift_purchase in", in("g", TEN, user("gift_purchase")), StarKind.UNKNOWN),
                Arguments.of("user premium_purchase out", out("q", TEN, user("premium_purchase")),
                        StarKind.PREMIUM_PURCHASE),
                Arguments.of("user premium_purchase in", in("q", TEN, user("premium_purchase")), StarKind.UNKNOWN),
                Arguments.of("user business_account_transfer in", in("b", TEN, user("business_account_transfer")),
                        StarKind.BUSINESS_TRANSFER),
                Arguments.of("user business_account_transfer out", out("b", TEN, user("business_account_transfer")),
                        StarKind.BUSINESS_TRANSFER),
                Arguments.of("user, a transaction_type newer than 10.1", in("n", TEN, user("stars_lottery")),
                        StarKind.UNKNOWN),
                Arguments.of("chat out with a gift", out("c", TEN, new StarPartner.Chat(-100, "gift-1")),
                        StarKind.CHAT_GIFT),
                Arguments.of("chat out without a gift", out("c", TEN, new StarPartner.Chat(-100, null)),
                        StarKind.CHAT_OTHER),
                Arguments.of("chat in", in("c", TEN, new StarPartner.Chat(-100, null)), StarKind.CHAT_OTHER),
                Arguments.of("affiliate_program in", in("a", TEN, new StarPartner.AffiliateProgram(7L, 100)),
                        StarKind.AFFILIATE_INCOME),
                Arguments.of("affiliate_program out", out("a", TEN, new StarPartner.AffiliateProgram(7L, 100)),
                        StarKind.UNKNOWN),
                Arguments.of("fragment out, pending", out("w", TEN, fragment(new StarPartner.WithdrawalState.Pending())),
                        StarKind.WITHDRAWAL_PENDING),
                Arguments.of("fragment out, no state", out("w", TEN, fragment(null)), StarKind.WITHDRAWAL_PENDING),
                Arguments.of("fragment out, succeeded", out("w", TEN, fragment(
                        new StarPartner.WithdrawalState.Succeeded(Instant.EPOCH, "https://fragment.com/x"))),
                        StarKind.WITHDRAWAL_SUCCEEDED),
                Arguments.of("fragment out, failed", out("w", TEN, fragment(new StarPartner.WithdrawalState.Failed())),
                        StarKind.WITHDRAWAL_FAILED),
                Arguments.of("fragment in (a failed withdrawal refunded)", in("w", TEN, fragment(null)),
                        StarKind.WITHDRAWAL_RETURN),
                Arguments.of("telegram_ads out", out("ad", TEN, new StarPartner.TelegramAds()), StarKind.ADS_TOP_UP),
                Arguments.of("telegram_ads in", in("ad", TEN, new StarPartner.TelegramAds()), StarKind.UNKNOWN),
                Arguments.of("telegram_api out", out("api", TEN, new StarPartner.TelegramApi(3)), StarKind.API_FEE),
                Arguments.of("telegram_api in", in("api", TEN, new StarPartner.TelegramApi(3)), StarKind.UNKNOWN),
                Arguments.of("other out with a payment's id", out("paid-1", TEN, new StarPartner.Other()),
                        StarKind.CHARGEBACK),
                Arguments.of("other out", out("o", TEN, new StarPartner.Other()), StarKind.OTHER),
                Arguments.of("other in", in("o", TEN, new StarPartner.Other()), StarKind.OTHER),
                Arguments.of("a partner type newer than 10.1", in("u", TEN,
                        new StarPartner.Unreadable("telegram_stars_bank", "a partner type Bot API 10.1 does not describe")),
                        StarKind.UNKNOWN),
                Arguments.of("a partner missing a required field", out("u", TEN,
                        new StarPartner.Unreadable("telegram_api", "no request_count")), StarKind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("spec")
    void classifies(String spec, StarMovement movement, StarKind expected) {
        assertEquals(expected, StarClassifier.classify(movement, PAYMENTS));
    }

    private static StarPartner.Fragment fragment(StarPartner.WithdrawalState state) {
        return new StarPartner.Fragment(state);
    }
}
