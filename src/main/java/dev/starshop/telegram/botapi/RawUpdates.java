package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The updates of a getUpdates answer as the exact bytes Telegram sent for each, cut out of the
 * answer's {@code result} array without binding them (binding would coerce types, re-writing would
 * change the bytes). The inbox decodes each once, exactly as it decodes a webhook body.
 *
 * @param updates one element of {@code result} each, in Telegram's order
 */
public record RawUpdates(List<byte[]> updates) {

    private static final JsonFactory JSON = new JsonFactory();

    /** The elements of the envelope's {@code result} array; an envelope without one has none. */
    static RawUpdates of(byte[] envelope) throws IOException {
        List<byte[]> updates = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("The answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean result = "result".equals(parser.currentName());
                if (parser.nextToken() == JsonToken.START_ARRAY && result) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        updates.add(element(parser, envelope));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new RawUpdates(List.copyOf(updates));
    }

    /** From the element's first byte to just past its last, whatever JSON value it is. */
    private static byte[] element(JsonParser parser, byte[] envelope) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        parser.finishToken();
        int end = (int) parser.currentLocation().getByteOffset();
        return Arrays.copyOfRange(envelope, start, end);
    }
}
