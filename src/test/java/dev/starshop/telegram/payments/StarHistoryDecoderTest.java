package dev.starshop.telegram.payments;

import dev.starshop.checkout.stars.StarMovement;
import dev.starshop.checkout.stars.StarPartner;
import dev.starshop.money.StarQuantity;
import dev.starshop.telegram.botapi.AffiliateInfo;
import dev.starshop.telegram.botapi.RevenueWithdrawalState;
import dev.starshop.telegram.botapi.StarAmount;
import dev.starshop.telegram.botapi.StarTransaction;
import dev.starshop.telegram.botapi.TransactionPartner;
import dev.starshop.telegram.botapi.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The one decode of Telegram's Stars history: exact fractions, and no exception for what 10.1 lacks. */
class StarHistoryDecoderTest {

    private static final User ALICE = new User(100001, false, "Alice", null, null, "en", null);

    @Test
    void amountsKeepTheirNanostarsAndTheAffiliatesShare() {
        TransactionPartner user = new TransactionPartner("user", "paid_media_payment", ALICE, null, null,
                new AffiliateInfo(null, null, 125, 12L, 500_000_000L), "media", null, null, null, null, null, null,
                null);
        StarMovement m = StarHistoryDecoder.decode(new StarTransaction("m1", 87, 500_000_000L, 1_700_000_000L,
                user, null));

        assertEquals(StarQuantity.of(87, 500_000_000), m.stars());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), m.at());
        StarPartner.User partner = assertInstanceOf(StarPartner.User.class, m.partner());
        assertEquals(StarQuantity.of(12, 500_000_000), partner.affiliate().stars());
        assertEquals("12.5", partner.affiliate().stars().decimalText());
    }

    @Test
    void aSucceededWithdrawalCarriesItsDateAndUrl() {
        TransactionPartner fragment = partner("fragment", new RevenueWithdrawalState("succeeded", 1_700_000_100L,
                "https://fragment.com/tx/1"), null);
        StarPartner.Fragment decoded = assertInstanceOf(StarPartner.Fragment.class, decodeOut(fragment).partner());
        assertEquals(new StarPartner.WithdrawalState.Succeeded(Instant.ofEpochSecond(1_700_000_100L),
                "https://fragment.com/tx/1"), decoded.state());
    }

    @Test
    void whatBotApi101DoesNotDescribeBecomesUnreadableNotAnException() {
        assertEquals("telegram_stars_bank", unreadable(partner("telegram_stars_bank", null, null)).type());
        assertEquals("no request_count", unreadable(partner("telegram_api", null, null)).reason());
        assertEquals("no withdrawal_state.date or url",
                unreadable(partner("fragment", new RevenueWithdrawalState("succeeded", null, null), null)).reason());
        assertEquals("no transaction_type", unreadable(new TransactionPartner("user", null, ALICE, null, null)).reason());
        StarMovement both = StarHistoryDecoder.decode(new StarTransaction("t", 5, null, 1L,
                partner("other", null, null), partner("other", null, null)));
        assertInstanceOf(StarPartner.Unreadable.class, both.partner());
    }

    @Test
    void theBalanceIsExact() {
        assertEquals(StarQuantity.of(-3, -250_000_000), StarHistoryDecoder.balance(new StarAmount(-3, -250_000_000L)));
        assertEquals(StarQuantity.ofStars(42), StarHistoryDecoder.balance(new StarAmount(42, null)));
    }

    private static StarPartner.Unreadable unreadable(TransactionPartner partner) {
        return assertInstanceOf(StarPartner.Unreadable.class, decodeOut(partner).partner());
    }

    private static StarMovement decodeOut(TransactionPartner partner) {
        return StarHistoryDecoder.decode(new StarTransaction("t1", 10, null, 1_700_000_000L, null, partner));
    }

    private static TransactionPartner partner(String type, RevenueWithdrawalState state, Integer requestCount) {
        return new TransactionPartner(type, null, null, null, null, null, null, null, null, null, null, null, state,
                requestCount);
    }
}
