package dev.starshop.sandbox;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh charge identifiers shaped like real ones: Stars charges start with "stx", card charges
 * are "botId_userId_sequence_random", Stripe's own ids start with "ch_".
 */
final class ChargeIds {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong(1000);
    private final long botId;

    ChargeIds(long botId) {
        this.botId = botId;
    }

    String stars() {
        return "stx" + random(61);
    }

    String card(long userId) {
        return botId + "_" + userId + "_" + sequence.incrementAndGet() + "_" + (random.nextLong() >>> 1);
    }

    String stripe() {
        return "ch_3" + random(23);
    }

    private String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return text.toString();
    }
}
