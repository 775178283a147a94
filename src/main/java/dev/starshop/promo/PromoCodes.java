package dev.starshop.promo;

import dev.starshop.catalog.Categories;
import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Promo codes: the operator's create, list, get and deactivate, and what orders and checkout ask
 * of a code (reserve a use when an order is placed, give it back when the order closes unpaid,
 * check it still holds when the buyer pays). See docs/promotions.md.
 */
@Singleton
public class PromoCodes {

    private final PromoCodeRepository codes;
    private final CurrencyTable currencies;
    private final Categories categories;
    private final Clock clock;

    PromoCodes(PromoCodeRepository codes, CurrencyTable currencies, Categories categories, Clock clock) {
        this.codes = codes;
        this.currencies = currencies;
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional
    PromoCodeView create(PromoCodeInput input) {
        String code = PromoCode.normalise(input.code()).orElseThrow(() -> invalid("A code is 3 to 32 letters, "
                + "digits, '-' or '_', starting with a letter or digit; it is stored in upper case"));
        checkAmounts(input);
        if (!input.skusOrEmpty().isEmpty() && !input.categoriesOrEmpty().isEmpty()) {
            throw invalid("Scope a code by skus or by categories, not both");
        }
        List<Long> categoryIds = categories.idsOf(input.categoriesOrEmpty());
        long id = codes.insert(code, input, categoryIds, clock.instant()).orElseThrow(() -> new ProblemException(
                ProblemCode.DUPLICATE_PROMO_CODE, "The promo code " + code + " already exists (codes ignore case)"));
        return view(id);
    }

    @Transactional(readOnly = true)
    List<PromoCodeView> list() {
        Map<Long, PromoCodeView.PromoUses> uses = codes.uses();
        return codes.all().stream()
                .map(code -> PromoCodeView.of(code, uses.getOrDefault(code.id(), PromoCodeView.PromoUses.NONE)))
                .toList();
    }

    @Transactional(readOnly = true)
    PromoCodeView view(long id) {
        PromoCode code = codes.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND,
                "No promo code " + id));
        return PromoCodeView.of(code, codes.uses().getOrDefault(id, PromoCodeView.PromoUses.NONE));
    }

    /** Orders placed with it keep their discount; no new order may use it, and unpaid ones cannot be paid. */
    @Transactional
    PromoCodeView deactivate(long id) {
        view(id);
        codes.deactivate(id, clock.instant());
        return view(id);
    }

    /**
     * The discount {@code entered} gives an order of {@code lines}, the code's row locked and its
     * limits checked; throws a 422 problem (promo-*) when it does not apply. Call inside the order's
     * transaction, after the buyer's row lock, then {@link #recordUse} once the order is inserted.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Discount reserve(String entered, long buyerId, List<PricedLine> lines, Currency currency,
                            boolean subscription, Instant now) {
        PromoCode code = PromoCode.normalise(entered).flatMap(codes::lockByCode)
                .orElseThrow(() -> new ProblemException(ProblemCode.PROMO_UNKNOWN,
                        "There is no promo code '" + shown(entered) + "'; check its spelling"));
        PromoRules.Applied applied = PromoRules.discount(code, lines, currency, subscription, now);
        if (code.maxUses() != null && codes.heldUses(code.id()) >= code.maxUses()) {
            throw new ProblemException(ProblemCode.PROMO_EXHAUSTED, "This code has been used up");
        }
        if (code.maxUsesPerBuyer() != null && codes.heldUses(code.id(), buyerId) >= code.maxUsesPerBuyer()) {
            throw new ProblemException(ProblemCode.PROMO_EXHAUSTED, "You have already used this code "
                    + (code.maxUsesPerBuyer() == 1 ? "once, the most allowed"
                    : code.maxUsesPerBuyer() + " times, the most allowed")
                    + " (an unpaid order with it counts until it expires or you cancel it)");
        }
        return new Discount(code.id(), code.code(), applied.amount(), applied.lineAmounts());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordUse(UUID orderId, Discount discount, long buyerId, Instant now) {
        codes.insertUse(orderId, discount, buyerId, now);
    }

    /** The order closed unpaid (expired, cancelled): its use counts no more. No-op for an order without a code. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void release(UUID orderId, Instant now) {
        codes.release(orderId, now);
    }

    /** Why the order's code no longer holds at {@code now}, or empty when it does. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<PromoLapse> lapse(UUID orderId, Instant now) {
        Optional<PromoCodeRepository.HeldUse> use = codes.useOf(orderId);
        if (use.isEmpty() || use.get().released()) {
            return Optional.of(PromoLapse.NOT_RESERVED);
        }
        if (!use.get().active()) {
            return Optional.of(PromoLapse.WITHDRAWN);
        }
        Instant endsAt = use.get().endsAt();
        if (endsAt != null && !now.isBefore(endsAt)) {
            return Optional.of(PromoLapse.EXPIRED);
        }
        return use.get().inScope() ? Optional.empty() : Optional.of(PromoLapse.OUT_OF_SCOPE);
    }

    private void checkAmounts(PromoCodeInput input) {
        boolean percent = input.percentOff() != null;
        if (percent == !input.amountsOffOrEmpty().isEmpty()) {
            throw invalid("Give either percentOff (1-100) or amountsOff (minor units per currency), not both or neither");
        }
        if (input.startsAt() != null && input.endsAt() != null && !input.endsAt().isAfter(input.startsAt())) {
            throw invalid("endsAt must be after startsAt");
        }
        if (input.maxUses() != null && input.maxUsesPerBuyer() != null && input.maxUsesPerBuyer() > input.maxUses()) {
            throw invalid("maxUsesPerBuyer cannot be more than maxUses");
        }
        input.amountsOffOrEmpty().forEach(this::checkAmount);
        input.minimumOrderOrEmpty().forEach(this::checkAmount);
    }

    private void checkAmount(String currencyCode, long amount) {
        Currency currency = currencies.require(currencyCode);
        if (amount > currency.maxAmount()) {
            throw invalid(currencyCode + " " + amount + " is more than Telegram's largest amount, "
                    + currency.maxAmount() + " (minor units)");
        }
    }

    /** What the buyer typed, cut short for a message; it is not a secret, but need not echo back whole. */
    private static String shown(@Nullable String entered) {
        String text = entered == null ? "" : entered.strip();
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}
