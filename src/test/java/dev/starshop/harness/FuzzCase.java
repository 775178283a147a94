package dev.starshop.harness;

import java.util.Map;

/**
 * One generated bad request and what the engine may answer to it.
 *
 * @param family      webhook, init-data or api (for the tally)
 * @param label       what was broken, printed when the answer is wrong
 * @param contentType null to send none
 */
record FuzzCase(String family, String label, String method, String path, Map<String, String> headers,
                String contentType, byte[] body, Expect expect) {

    enum Expect {
        /** 4xx with a problem+json body carrying a code. */
        REFUSED,
        /** A well-formed update of a kind the engine does not act on: stored and acknowledged 200. */
        ACKNOWLEDGED,
        /** Either of the above (e.g. a string with invalid UTF-8 the parser may or may not tolerate). */
        ACKNOWLEDGED_OR_REFUSED
    }

    @Override
    public String toString() {
        return family + "/" + label + " " + method + " " + path + " (" + body.length + " bytes)";
    }
}
