package io.sluice.ingest.lines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cuts a JSON array body into its elements, each exactly the bytes the sender wrote (sliced by
 * offset, not re-serialized), so an array of events ingests like the same events as NDJSON.
 */
final class JsonArrayElements {

    private JsonArrayElements() {
    }

    static boolean looksLikeArray(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '[';
            }
        }
        return false;
    }

    /** The elements' bytes; throws {@link MalformedBodyException} when the body is not one JSON array. */
    static List<byte[]> of(byte[] body, JsonMapper mapper) {
        List<byte[]> elements = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedBodyException("expected a JSON array");
            }
            for (JsonToken token; (token = parser.nextToken()) != JsonToken.END_ARRAY; ) {
                if (token == null) {
                    throw new MalformedBodyException("JSON array is not closed");
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                elements.add(Arrays.copyOfRange(body, start, end));
            }
            if (parser.nextToken() != null) {
                throw new MalformedBodyException("unexpected content after the JSON array");
            }
        } catch (JacksonException e) {
            throw new MalformedBodyException("malformed JSON array: " + e.getOriginalMessage());
        }
        return elements;
    }
}
