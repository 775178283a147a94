package dev.starshop.money;

import dev.starshop.platform.problem.ProblemCode;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    static CurrencyTable currencies;

    @BeforeAll
    static void loadTable() {
        currencies = new CurrencyTable(JsonMapper.createDefault());
    }

    @Test
    void theTableHoldsTelegramsCurrenciesAndStars() {
        assertEquals(85, currencies.all().size(), "84 Telegram currencies plus XTR");
        Currency usd = currencies.require("USD");
        assertEquals(2, usd.exponent());
        assertEquals(100, usd.minAmount());
        assertEquals(1_000_000, usd.maxAmount(), "USD's max is a JSON number in the snapshot");
        assertEquals(0, currencies.require("JPY").exponent());
        assertEquals(0, currencies.require("XTR").exponent());
    }

    @Test
    void anUnknownCurrencyIsRefusedWithAStableCode() {
        UnsupportedCurrencyException e = assertThrows(UnsupportedCurrencyException.class,
                () -> currencies.require("BTC"));
        assertEquals(ProblemCode.UNSUPPORTED_CURRENCY, e.code());
        assertTrue(e.getMessage().contains("BTC"));
    }

    @Test
    void displayFollowsTheCurrencyExponent() {
        assertEquals("1.45 USD", currencies.money(145, "USD").display());
        assertEquals("50 \u2B50", currencies.money(50, "XTR").display());
        assertEquals("1000 JPY", currencies.money(1000, "JPY").display());
        assertEquals("0.05 EUR", currencies.money(5, "EUR").display());
    }

    @Test
    void decimalRenderingKeepsEveryDigit() {
        assertEquals(new BigDecimal("1.45"), currencies.money(145, "USD").toDecimal());
        assertEquals("12.00", currencies.money(1200, "USD").decimalText());
        assertEquals("-3.07", currencies.money(-307, "USD").decimalText());
        assertEquals("50", currencies.money(50, "XTR").decimalText());
    }

    @Test
    void arithmeticRefusesMixedCurrencies() {
        Money usd = currencies.money(100, "USD");
        Money eur = currencies.money(100, "EUR");
        assertThrows(CurrencyMismatchException.class, () -> usd.plus(eur));
        assertThrows(CurrencyMismatchException.class, () -> usd.minus(eur));
        assertThrows(CurrencyMismatchException.class, () -> usd.compareTo(eur));
        assertEquals(currencies.money(250, "USD"), usd.plus(currencies.money(150, "USD")));
        assertEquals(currencies.money(300, "USD"), usd.times(3));
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        Money big = currencies.money(Long.MAX_VALUE / 2 + 1, "XTR");
        assertThrows(ArithmeticException.class, () -> big.times(2));
        assertThrows(ArithmeticException.class, () -> big.plus(big));
    }

    @Test
    void amountsOutsideTelegramsLimitsAreRefused() {
        Currency usd = currencies.require("USD");
        usd.requireWithinLimits(100);
        usd.requireWithinLimits(1_000_000);
        AmountOutOfRangeException low = assertThrows(AmountOutOfRangeException.class,
                () -> usd.requireWithinLimits(99));
        assertTrue(low.getMessage().contains("0.99 USD"), low.getMessage());
        assertTrue(low.getMessage().contains("1.00 USD to 10000.00 USD"), low.getMessage());
        assertThrows(AmountOutOfRangeException.class, () -> usd.requireWithinLimits(1_000_001));
        assertThrows(AmountOutOfRangeException.class, () -> CurrencyTable.STARS.requireWithinLimits(0));
    }
}
