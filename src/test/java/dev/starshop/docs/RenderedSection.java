package dev.starshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A section of a docs page that is rendered from code: the text between
 * {@code <!-- name:begin -->} and {@code <!-- name:end -->} must equal what the code renders.
 * {@code -Dstarshop.docs.write=true} rewrites the section instead of failing.
 *
 * @param page       the page, relative to the repository
 * @param name       the markers' name
 * @param source     what the section is rendered from, named in the failure message
 * @param regenerate the command that rewrites the section
 */
record RenderedSection(String page, String name, String source, String regenerate) {

    void assertMatches(String rendered) {
        String text = RepositoryFiles.read(page);
        String begin = "<!-- " + name + ":begin -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, page + " has lost its markers " + begin.strip() + " … " + end);
        String documented = text.substring(from + begin.length(), to);
        if (Boolean.getBoolean("starshop.docs.write") && !documented.equals(rendered)) {
            RepositoryFiles.write(page, text.substring(0, from + begin.length()) + rendered + text.substring(to));
            return;
        }
        assertEquals(rendered, documented, page + "'s " + name + " table differs from " + source
                + ". Regenerate the section between the markers with: " + regenerate);
    }
}
