package dev.starshop.sandbox;

import io.micronaut.core.annotation.Nullable;

/**
 * A Stars history entry of a kind the invoice flow does not produce, for the emulator to add as
 * Telegram would (see docs/sandbox.md, "Stars history beyond invoices").
 *
 * @param kind          paid_media, gift, premium, chat_gift, business_transfer, affiliate_program,
 *                      withdrawal, telegram_ads, telegram_api, other or unknown
 * @param incoming      for other and unknown only: which way the Stars went
 * @param partnerType   for unknown only: the partner type Telegram would send (one Bot API 10.1 lacks)
 */
public record StarSeed(String kind, long amount, @Nullable Long nanostarAmount, @Nullable Long userId,
                       @Nullable Long chatId, @Nullable Integer commissionPerMille, @Nullable Long affiliateAmount,
                       @Nullable Long affiliateNanostarAmount, @Nullable Integer requestCount,
                       @Nullable Boolean incoming, @Nullable String partnerType) {

    public static StarSeed of(String kind, long amount) {
        return new StarSeed(kind, amount, null, null, null, null, null, null, null, null, null);
    }

    public StarSeed nanos(long nanostars) {
        return new StarSeed(kind, amount, nanostars, userId, chatId, commissionPerMille, affiliateAmount,
                affiliateNanostarAmount, requestCount, incoming, partnerType);
    }

    public StarSeed user(long id) {
        return new StarSeed(kind, amount, nanostarAmount, id, chatId, commissionPerMille, affiliateAmount,
                affiliateNanostarAmount, requestCount, incoming, partnerType);
    }

    public StarSeed affiliate(int perMille, long stars, long nanostars) {
        return new StarSeed(kind, amount, nanostarAmount, userId, chatId, perMille, stars, nanostars, requestCount,
                incoming, partnerType);
    }
}
