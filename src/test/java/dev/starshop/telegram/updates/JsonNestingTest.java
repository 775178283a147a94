package dev.starshop.telegram.updates;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonNestingTest {

    @Test
    void countsOnlyTheBracketsOutsideStrings() {
        assertFalse(deeperThan("{\"a\":[{\"b\":1}]}", 3));
        assertTrue(deeperThan("{\"a\":[{\"b\":[1]}]}", 3));
        assertFalse(deeperThan("{\"text\":\"[[[[[[{{{{\"}", 1), "brackets inside a string do not nest");
        assertFalse(deeperThan("{\"text\":\"a \\\" [[[[\"}", 1), "an escaped quote does not end the string");
    }

    @Test
    void aBodyNestedThousandsOfLevelsIsRefusedBeforeParsing() {
        String deep = "{\"update_id\":1,\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertTrue(deeperThan(deep, JsonNesting.MAX_DEPTH));
    }

    private static boolean deeperThan(String json, int max) {
        return JsonNesting.deeperThan(json.getBytes(StandardCharsets.UTF_8), max);
    }
}
