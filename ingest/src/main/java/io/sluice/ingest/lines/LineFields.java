package io.sluice.ingest.lines;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few fields ingest needs from a JSON line — service, host, event id — read with a streaming
 * parser that skips everything else, within the mapper's nesting limit. A line that is not a JSON
 * object yields no fields: whether it parses is the stream processor's call, which dead-letters it
 * with a reason if not. Only a line nested too deep is refused here, at the door.
 */
record LineFields(String service, String host, String eventId) {

    private static final LineFields NONE = new LineFields(null, null, null);

    static LineFields of(byte[] line, JsonMapper mapper) {
        if (!startsLikeObject(line)) {
            return NONE;
        }
        String service = null;
        String host = null;
        String eventId = null;
        try (JsonParser parser = mapper.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "service.name", "service" -> service = textOrNestedName(parser, value, "name", service);
                    case "host.name", "host" -> host = textOrNestedName(parser, value, "name", host);
                    case "event.id" -> eventId = value == JsonToken.VALUE_STRING ? parser.getString() : eventId;
                    case "event" -> eventId = textOrNestedName(parser, value, "id", eventId);
                    default -> parser.skipChildren();
                }
            }
        } catch (StreamConstraintsException e) {
            throw new TooDeepException();
        } catch (JacksonException e) {
            return NONE;
        }
        return new LineFields(service, host, eventId);
    }

    /** The line's JSON is nested deeper than the limit. */
    static final class TooDeepException extends RuntimeException {
        TooDeepException() {
            super(null, null, false, false);
        }
    }

    /** A string value, or the {@code key} member of an object value (ECS nested form); else unchanged. */
    private static String textOrNestedName(JsonParser parser, JsonToken value, String key, String current) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return current;
        }
        String found = current;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken member = parser.nextToken();
            if (name.equals(key) && member == JsonToken.VALUE_STRING) {
                found = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private static boolean startsLikeObject(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }
}
