package dev.starshop.telegram.updates;

/**
 * How deep a JSON text nests objects and arrays, found by one pass over the bytes before any parser
 * sees them. The tree reader recurses per level, so a body nested a few thousand levels deep would
 * overflow the thread's stack (an {@link StackOverflowError}, not an exception the decoder catches);
 * Telegram's updates nest fewer than ten levels.
 */
final class JsonNesting {

    /** Far above any update Telegram sends, far below what the tree reader's recursion survives. */
    static final int MAX_DEPTH = 64;

    private JsonNesting() {
    }

    /** Whether the text opens more than {@code max} objects or arrays inside each other. */
    static boolean deeperThan(byte[] json, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++; // the escaped byte cannot end the string
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > max) {
                    return true;
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return false;
    }
}
