package dev.starshop.promo;

import dev.starshop.money.Currency;
import dev.starshop.money.Money;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Whether a code applies to an order, and how much it takes off. Pure: the use limits, which need
 * the database, are {@link PromoCodes}'. Each refusal is a 422 problem with its own code.
 *
 * Rounding: a percent is taken of the lines in scope and rounded down to the currency's minor unit
 * (whole Stars for XTR), so a discount is never a fraction and never more than the percent. Then
 * the discount is capped so the order still costs at least Telegram's minimum amount for the
 * currency (1 Star; e.g. 1.00 USD): a 100% code makes an order cost that minimum, never zero and
 * never negative. A code whose discount comes to nothing is refused rather than spent.
 */
final class PromoRules {

    private PromoRules() {
    }

    /** What a code takes off an order, and that amount shared among the lines in scope ({@link DiscountSplit}). */
    record Applied(Money amount, Map<String, Long> lineAmounts) {
    }

    static Applied discount(PromoCode code, List<PricedLine> lines, Currency currency, boolean subscription,
                            Instant now) {
        checkWindow(code, now);
        if (subscription) {
            throw notApplicable("Promo codes do not apply to subscriptions");
        }
        String currencyCode = currency.code();
        if (!code.minimumOrders().isEmpty() && !code.minimumOrders().containsKey(currencyCode)
                || !code.isPercent() && !code.amountsOff().containsKey(currencyCode)) {
            throw notApplicable("This code is not valid for payments in " + currencyCode);
        }
        Money subtotal = sum(lines, currency);
        Long minimum = code.minimumOrders().get(currencyCode);
        if (minimum != null && subtotal.amount() < minimum) {
            throw new ProblemException(ProblemCode.PROMO_MINIMUM_NOT_MET, "This code needs an order of at least "
                    + new Money(minimum, currency).display() + "; this one comes to " + subtotal.display());
        }
        List<PricedLine> inScope = lines.stream().filter(code::covers).toList();
        if (inScope.isEmpty()) {
            throw outOfScope(code);
        }
        long off = Math.min(raw(code, sum(inScope, currency)), subtotal.amount() - currency.minAmount());
        if (off <= 0) {
            throw notApplicable("This code takes nothing off this order: it already costs the least Telegram "
                    + "accepts, " + new Money(currency.minAmount(), currency).display());
        }
        return new Applied(new Money(off, currency), DiscountSplit.of(off, inScope));
    }

    private static ProblemException outOfScope(PromoCode code) {
        String scope = code.scope() == PromoScope.CATEGORIES
                ? "products in the categories " + String.join(", ", code.categories().stream().sorted().toList())
                : "the products " + String.join(", ", code.skus().stream().sorted().toList());
        return new ProblemException(ProblemCode.PROMO_OUT_OF_SCOPE, "This code is out of scope for this order: "
                + "it applies only to " + scope + ", and none is in the cart");
    }

    private static void checkWindow(PromoCode code, Instant now) {
        if (!code.active()) {
            throw new ProblemException(ProblemCode.PROMO_EXPIRED, "This code has been withdrawn by the shop");
        }
        if (code.hasEndedAt(now)) {
            throw new ProblemException(ProblemCode.PROMO_EXPIRED, "This code expired at " + code.endsAt());
        }
        if (!code.hasStartedAt(now)) {
            throw notApplicable("This code is valid from " + code.startsAt());
        }
    }

    private static long raw(PromoCode code, Money eligible) {
        if (code.isPercent()) {
            return Math.multiplyExact(eligible.amount(), code.percentOff()) / 100;
        }
        return Math.min(code.amountsOff().get(eligible.currency().code()), eligible.amount());
    }

    private static Money sum(List<PricedLine> lines, Currency currency) {
        return lines.stream().map(PricedLine::lineTotal).reduce(Money.zero(currency), Money::plus);
    }

    static ProblemException notApplicable(String detail) {
        return new ProblemException(ProblemCode.PROMO_NOT_APPLICABLE, detail);
    }
}
