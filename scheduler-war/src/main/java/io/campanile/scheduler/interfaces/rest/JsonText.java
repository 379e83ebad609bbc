package io.campanile.scheduler.interfaces.rest;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Text in a request body: the check every JSON string passes, and a free JSON value (the
 * {@code parameters} of a job or run) turned into its JSON text, nested at most {@link #MAX_DEPTH}
 * levels so that a body of a million brackets costs no stack.
 */
final class JsonText {

    static final int MAX_DEPTH = 32;

    private JsonText() {}

    /** The JSON text of the value whose first event is {@code event}. */
    static String of(JsonParser parser, Event event, String at) {
        StringBuilder json = new StringBuilder();
        copy(parser, event, json, at, 0);
        return json.toString();
    }

    private static void copy(JsonParser parser, Event event, StringBuilder json, String at, int depth) {
        switch (event) {
            case START_OBJECT, START_ARRAY -> {
                if (depth == MAX_DEPTH) {
                    throw new StrictJson.Rejected(at, "is nested deeper than " + MAX_DEPTH + " levels");
                }
                boolean object = event == Event.START_OBJECT;
                json.append(object ? '{' : '[');
                Event end = object ? Event.END_OBJECT : Event.END_ARRAY;
                boolean first = true;
                for (Event next = parser.next(); next != end; next = parser.next()) {
                    json.append(first ? "" : ",");
                    first = false;
                    if (object) {
                        json.append(StrictJson.JSON.createValue(checked(at, parser.getString())))
                                .append(':');
                        next = parser.next();
                    }
                    copy(parser, next, json, at, depth + 1);
                }
                json.append(object ? '}' : ']');
            }
            case VALUE_STRING -> json.append(StrictJson.JSON.createValue(checked(at, parser.getString())));
            case VALUE_NUMBER -> json.append(parser.getString());
            case VALUE_TRUE -> json.append("true");
            case VALUE_FALSE -> json.append("false");
            case VALUE_NULL -> json.append("null");
            default -> throw new StrictJson.Rejected(at, "is not a JSON value");
        }
    }

    /** The text, if it holds no control character (other than tab, LF, CR) and no lone surrogate. */
    static String checked(String at, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new StrictJson.Rejected(
                        at, String.format("contains the control character U+%04X at position %d", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new StrictJson.Rejected(
                        at, String.format("contains a lone surrogate U+%04X at position %d", (int) c, i));
            }
        }
        return text;
    }
}
