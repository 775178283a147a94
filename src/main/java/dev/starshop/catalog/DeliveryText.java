package dev.starshop.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delivery text with placeholders: {@code {orderId}}, {@code {buyerName}}, {@code {productTitle}},
 * {@code {quantity}} and, for CODES products only, {@code {code}}. {@code {{} and {@code }}} write
 * literal braces. Unknown placeholders are refused when the product is saved, so a buyer never
 * receives a text with a hole in it.
 */
public final class DeliveryText {

    /** Telegram's limit for a message text. */
    public static final int MAX_LENGTH = 4096;
    /** Telegram's limit for a document caption. */
    public static final int MAX_CAPTION_LENGTH = 1024;

    static final Set<String> PLACEHOLDERS = Set.of("orderId", "buyerName", "productTitle", "quantity");
    static final String CODE = "code";

    private final List<Part> parts;

    private DeliveryText(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Reads a template; {@code allowCode} admits {@code {code}}.
     *
     * @throws IllegalArgumentException naming the first unknown placeholder or unbalanced brace
     */
    public static DeliveryText parse(String template, boolean allowCode) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'{' at position " + i + " is not closed; write {{ for a brace");
                }
                String name = template.substring(i + 1, end);
                if (!PLACEHOLDERS.contains(name) && !(allowCode && CODE.equals(name))) {
                    throw new IllegalArgumentException("Unknown placeholder {" + name + "}; use " + known(allowCode));
                }
                flush(literal, parts);
                parts.add(new Part(name, true));
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("'}' at position " + i + " has no '{'; write }} for a brace");
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new DeliveryText(List.copyOf(parts));
    }

    /** The text with every placeholder replaced; a value missing from {@code values} is an error. */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (!part.placeholder()) {
                out.append(part.text());
            } else if (values.containsKey(part.text())) {
                out.append(values.get(part.text()));
            } else {
                throw new IllegalArgumentException("No value for {" + part.text() + "}");
            }
        }
        return out.toString();
    }

    private static String known(boolean allowCode) {
        List<String> names = new ArrayList<>(PLACEHOLDERS);
        if (allowCode) {
            names.add(CODE);
        }
        return names.stream().sorted().map(name -> "{" + name + "}").toList().toString();
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Part(literal.toString(), false));
            literal.setLength(0);
        }
    }

    private record Part(String text, boolean placeholder) {
    }
}
