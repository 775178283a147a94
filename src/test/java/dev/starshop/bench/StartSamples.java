package dev.starshop.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Several starts of the same engine in one run: each start's seconds to the first healthy answer and the CPU
 * time it used until then. A single start on a shared two-core host moves by half a second between runs of the
 * same jar, so the start-up rows report the median start and list every sample beside it.
 */
final class StartSamples {

    record Start(double seconds, double cpuSeconds) {
    }

    private final List<Start> starts = new ArrayList<>();

    void add(double seconds, double cpuSeconds) {
        starts.add(new Start(seconds, cpuSeconds));
    }

    int count() {
        return starts.size();
    }

    /** The start with the median wall time (for an even count the slower of the two middle ones, so the row never flatters), with its own CPU time. */
    Start median() {
        if (starts.isEmpty()) {
            throw new IllegalStateException("No start was measured");
        }
        List<Start> sorted = starts.stream().sorted(Comparator.comparingDouble(Start::seconds)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Every start in the order it ran, "wall s / cpu s", for the report. */
    String listed() {
        return starts.stream()
                .map(start -> String.format(Locale.ROOT, "%.2f/%.2f", start.seconds(), start.cpuSeconds()))
                .collect(Collectors.joining(", "));
    }
}
