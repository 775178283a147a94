package dev.starshop.browser;

import com.microsoft.playwright.Frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** axe-core (npm, fetched into target/ by {@link BrowserPrerequisites}) run inside a page's frame. */
final class Accessibility {

    private Accessibility() {
    }

    /** axe-core's WCAG 2 A/AA rules in the frame; the ids and targets of serious or critical findings. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Frame frame) {
        String axe;
        try {
            axe = Files.readString(BrowserPrerequisites.axeScript());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frame.evaluate("() => { if (!window.axe) { " + axe + "\n } }");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) frame.evaluate(
                "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({ id: v.id, targets: v.nodes.map(n => n.target.join(' ')).join(', ') }))");
        return violations.stream().map(v -> v.get("id") + ": " + v.get("targets")).toList();
    }
}
