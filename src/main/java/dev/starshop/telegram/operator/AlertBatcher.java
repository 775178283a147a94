package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns waiting alerts into at most {@code budget} messages (the rate limit decides the budget). One
 * alert alone is one full message; more collapse into digests ("12 new orders in the last minute")
 * that list every alert in a line each, as many as fit in a message, with a link to the console;
 * what does not fit waits for the next message. Pure: no clock, no database.
 */
final class AlertBatcher {

    /** Telegram's limit is 4,096 characters; a margin for the header and the link. */
    static final int MAX_MESSAGE = 3800;

    /** A message to send and the alerts it carries. */
    record Planned(String text, List<Long> alertIds) {
    }

    private AlertBatcher() {
    }

    static List<Planned> plan(List<Alert> waiting, int budget, OperatorTexts texts, String consoleUrl, Instant now) {
        List<Planned> planned = new ArrayList<>();
        if (waiting.isEmpty() || budget <= 0) {
            return planned;
        }
        if (waiting.size() == 1) {
            Alert only = waiting.get(0);
            planned.add(new Planned(cut(texts.single(only)), List.of(only.id())));
            return planned;
        }
        int from = 0;
        while (from < waiting.size() && planned.size() < budget) {
            int to = fitting(waiting, from, texts, consoleUrl);
            planned.add(digest(waiting, from, to, texts, consoleUrl, now));
            from = to;
        }
        return planned;
    }

    /** The end (exclusive) of the run of alerts from {@code from} whose lines fit in one digest. */
    private static int fitting(List<Alert> waiting, int from, OperatorTexts texts, String consoleUrl) {
        int room = MAX_MESSAGE - 200 - texts.console(consoleUrl).length();
        int to = from;
        while (to < waiting.size()) {
            int length = texts.line(waiting.get(to)).length() + 1;
            if (length > room && to > from) {
                break;
            }
            room -= length;
            to++;
        }
        return to;
    }

    private static Planned digest(List<Alert> waiting, int from, int to, OperatorTexts texts, String consoleUrl,
                                  Instant now) {
        List<Alert> carried = waiting.subList(from, to);
        Map<AlertKind, Integer> counts = new EnumMap<>(AlertKind.class);
        carried.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
        Instant oldest = carried.stream().map(Alert::createdAt).min(Instant::compareTo).orElse(now);
        long minutes = Math.max(1, (Duration.between(oldest, now).toSeconds() + 59) / 60);
        StringBuilder text = new StringBuilder(texts.digestHeader(counts, minutes)).append('\n');
        carried.forEach(a -> text.append('\n').append(texts.line(a)));
        if (to < waiting.size()) {
            text.append('\n').append(texts.more(waiting.size() - to));
        }
        text.append("\n\n").append(texts.console(consoleUrl));
        return new Planned(cut(text.toString()), carried.stream().map(Alert::id).toList());
    }

    private static String cut(String text) {
        return text.length() <= 4096 ? text : text.substring(0, 4095) + "…";
    }
}
