package dev.starshop.order;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a buyer came from: the Mini App's {@code start_param} (the {@code startapp} of a
 * {@code https://t.me/<bot>/<app>?startapp=…} link), decoded once. The grammar (docs/orders.md):
 *
 * <pre>
 * start_param = part *( "__" part )       ; 1 to 512 characters of A-Z a-z 0-9 _ - (Telegram's)
 * part        = key "_" value             ; each key at most once; p and c not both
 * key         = "p" | "c" | "s" | "m" | "r" ; product SKU, category slug, source, campaign, referrer
 * value       = word *( "_" word )        ; 1 to 64 characters; word = 1*( A-Z a-z 0-9 - )
 * </pre>
 *
 * Anything else is refused, never guessed at: {@code p_mug-star__s_instagram__m_xmas__r_42}.
 */
public record Attribution(String startParam, @Nullable String productSku, @Nullable String category,
                          @Nullable String source, @Nullable String campaign, @Nullable String referrer) {

    public static final int MAX_LENGTH = 512;

    /**
     * An order's source in SQL, from {@code order_attributions a} left-joined on the order: the link's
     * {@code s_} part; "link" for a link without one; "direct" for an order opened without a link.
     */
    public static final String SOURCE_SQL =
            "coalesce(a.source, CASE WHEN a.order_id IS NULL THEN 'direct' ELSE 'link' END)";
    private static final int MAX_VALUE_LENGTH = 64;
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9-]+(_[A-Za-z0-9-]+)*");
    private static final String KEYS = "pcsmr";

    /** Empty without a start parameter; a malformed one is a 422 {@code invalid-start-param}. */
    public static Optional<Attribution> parse(@Nullable String startParam) {
        if (startParam == null || startParam.isEmpty()) {
            return Optional.empty();
        }
        if (startParam.length() > MAX_LENGTH || !ALPHABET.matcher(startParam).matches()) {
            throw invalid("it must be 1 to " + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        Map<Character, String> parts = new LinkedHashMap<>();
        for (String part : startParam.split("__", -1)) {
            int underscore = part.indexOf('_');
            String value = underscore == 1 ? part.substring(2) : "";
            char key = part.isEmpty() ? '?' : part.charAt(0);
            if (underscore != 1 || KEYS.indexOf(key) < 0 || value.length() > MAX_VALUE_LENGTH
                    || !VALUE.matcher(value).matches()) {
                throw invalid("'" + part + "' is not <key>_<value> with a key of p, c, s, m or r and a value of "
                        + "1 to " + MAX_VALUE_LENGTH + " letters, digits, '-' and single '_'");
            }
            if (parts.putIfAbsent(key, value) != null) {
                throw invalid("the key '" + key + "' appears twice");
            }
        }
        if (parts.containsKey('p') && parts.containsKey('c')) {
            throw invalid("a link opens a product (p_) or a category (c_), not both");
        }
        return Optional.of(new Attribution(startParam, parts.get('p'), parts.get('c'), parts.get('s'),
                parts.get('m'), parts.get('r')));
    }

    private static ProblemException invalid(String why) {
        return new ProblemException(ProblemCode.INVALID_START_PARAM, "The link's start parameter is malformed: "
                + why + ". Reopen the shop from its menu button");
    }
}
