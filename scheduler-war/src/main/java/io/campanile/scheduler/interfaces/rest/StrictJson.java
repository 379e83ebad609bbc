package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.application.Check;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a JSON object into a record, strictly: every value must have its component's JSON type
 * (no number for a string, no string for a boolean), numbers must fit their Java type exactly (no
 * wrapping, no truncated fraction), enum constants are spelled as declared, unknown and duplicate
 * properties are refused, primitives must be present, and nothing may follow the object. Every
 * problem names the JSON path of the value at fault ({@code apps[2].epoch}).
 *
 * <p>No string anywhere in the body may hold a control character other than tab, line feed and
 * carriage return, nor a lone surrogate: no column can hold U+0000, and none of the others has a
 * use in this API.
 *
 * <p>Uses only the streaming JSON-P API, so it behaves the same on every Jakarta EE server.
 */
final class StrictJson {

    /** Elements of one JSON array: far above any real request. */
    static final int MAX_LIST_SIZE = 10_000;

    /** Parsson names the character it stumbled on by its code. */
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected char (\\d+)");

    /** A body that does not fit; {@code path} is the JSON path of the value at fault, or "body". */
    static final class Rejected extends RuntimeException {
        private final String path;
        private final String problem;

        Rejected(String path, String problem) {
            super(Check.cut(path) + ": " + problem, null, false, false);
            this.path = Check.cut(path);
            this.problem = problem;
        }

        String path() {
            return path;
        }

        String problem() {
            return problem;
        }
    }

    /**
     * Looked up once: {@code Json.createParser} looks the provider up through the service loader on every call,
     * which scans the class path (a tenth of the server's time under a backlog).
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private StrictJson() {}

    /**
     * The record the body describes, or null for an empty body (no JSON value at all). A failure to
     * read the body itself (I/O, bad UTF-8) comes out as the JSON-P implementation's exception.
     */
    static <T extends Record> T read(Reader body, Class<T> type) throws IOException {
        PushbackReader input = new PushbackReader(body);
        int c = input.read();
        while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = input.read();
        }
        if (c < 0) {
            return null;
        }
        input.unread(c);
        try (JsonParser parser = JSON.createParser(input)) {
            Event first = parser.next();
            if (first != Event.START_OBJECT) {
                throw new Rejected("body", "must be a JSON object, not " + describe(first));
            }
            T value = type.cast(readRecord(parser, type, ""));
            if (parser.hasNext()) {
                throw new Rejected("body", "unexpected content after the JSON object");
            }
            return value;
        } catch (JsonParsingException e) {
            throw new Rejected("body", "is not valid JSON" + locate(e));
        }
    }

    private static Object readRecord(JsonParser parser, Class<?> type, String path) {
        RecordShape shape = RecordShape.of(type);
        Object[] arguments = new Object[shape.size()];
        boolean[] present = new boolean[shape.size()];
        for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            String at = path.isEmpty() ? name : path + "." + name;
            int index = shape.indexOf(name);
            if (index < 0) {
                JsonText.checked(at, name);
                throw new Rejected(at, "unknown property; expected one of " + String.join(", ", shape.names()));
            }
            if (present[index]) {
                throw new Rejected(at, "appears more than once");
            }
            present[index] = true;
            Event valueEvent = parser.next();
            arguments[index] = shape.takesAnyJson(index)
                    ? anyJson(parser, valueEvent, at)
                    : readValue(parser, valueEvent, shape.component(index).getGenericType(), at);
        }
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null && shape.component(i).getType().isPrimitive()) {
                String name = shape.component(i).getName();
                throw new Rejected(path.isEmpty() ? name : path + "." + name, "is required");
            }
        }
        return construct(shape, arguments, path);
    }

    private static Object construct(RecordShape shape, Object[] arguments, String path) {
        try {
            return shape.canonical().newInstance(arguments);
        } catch (InvocationTargetException e) {
            // a record that checks its own components refused them
            throw new Rejected(
                    path.isEmpty() ? "body" : path,
                    Check.cut(String.valueOf(e.getCause().getMessage())));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot construct " + shape.canonical().getDeclaringClass().getName(), e);
        }
    }

    private static Object readValue(JsonParser parser, Event event, Type type, String at) {
        Class<?> raw = rawClass(type);
        if (event == Event.VALUE_NULL) {
            if (raw.isPrimitive()) {
                throw new Rejected(at, "must not be null");
            }
            return null;
        }
        if (raw == String.class) {
            expect(event, Event.VALUE_STRING, at, "a string");
            return JsonText.checked(at, parser.getString());
        }
        if (raw == int.class || raw == Integer.class) {
            return (int) whole(parser, event, at, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (raw == long.class || raw == Long.class) {
            return whole(parser, event, at, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == double.class || raw == Double.class) {
            expect(event, Event.VALUE_NUMBER, at, "a number");
            double value = parser.getBigDecimal().doubleValue();
            if (!Double.isFinite(value)) {
                throw new Rejected(at, "is too large");
            }
            return value;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (event != Event.VALUE_TRUE && event != Event.VALUE_FALSE) {
                throw new Rejected(at, "must be true or false, not " + describe(event));
            }
            return event == Event.VALUE_TRUE;
        }
        if (raw.isEnum()) {
            return enumConstant(parser, event, raw, at);
        }
        if (raw == Instant.class) {
            expect(event, Event.VALUE_STRING, at, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            String text = parser.getString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new Rejected(at, Check.quote(text) + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        if (raw == List.class) {
            expect(event, Event.START_ARRAY, at, "an array");
            return readList(parser, ((ParameterizedType) type).getActualTypeArguments()[0], at);
        }
        if (raw.isRecord()) {
            expect(event, Event.START_OBJECT, at, "an object");
            return readRecord(parser, raw, at);
        }
        throw new IllegalStateException("no JSON mapping for " + type + " at " + at);
    }

    private static List<Object> readList(JsonParser parser, Type elementType, String at) {
        List<Object> list = new ArrayList<>();
        for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
            String element = at + "[" + list.size() + "]";
            if (list.size() == MAX_LIST_SIZE) {
                throw new Rejected(at, "has more than " + MAX_LIST_SIZE + " elements");
            }
            if (event == Event.VALUE_NULL) {
                throw new Rejected(element, "must not be null");
            }
            list.add(readValue(parser, event, elementType, element));
        }
        return Collections.unmodifiableList(list);
    }

    private static long whole(JsonParser parser, Event event, String at, long min, long max) {
        expect(event, Event.VALUE_NUMBER, at, "a whole number");
        BigDecimal value = parser.getBigDecimal();
        // compareTo looks at the exponents first: 1e999999999 costs nothing
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new Rejected(at, Check.cut(parser.getString()) + " is out of range (" + min + " to " + max + ")");
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new Rejected(at, "must be a whole number, not " + Check.cut(parser.getString()));
        }
        return value.longValue();
    }

    private static Object enumConstant(JsonParser parser, Event event, Class<?> type, String at) {
        if (event != Event.VALUE_STRING) {
            throw new Rejected(at, "must be one of " + constants(type) + ", not " + describe(event));
        }
        String text = parser.getString();
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(text)) {
                return constant;
            }
        }
        throw new Rejected(at, Check.quote(text) + " is not one of " + constants(type));
    }

    private static String constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }

    /** A JSON string as it is; any other value as its JSON text. */
    private static String anyJson(JsonParser parser, Event event, String at) {
        if (event == Event.VALUE_NULL) {
            return null;
        }
        if (event == Event.VALUE_STRING) {
            return JsonText.checked(at, parser.getString());
        }
        return JsonText.of(parser, event, at);
    }

    private static void expect(Event event, Event wanted, String at, String what) {
        if (event != wanted) {
            throw new Rejected(at, "must be " + what + ", not " + describe(event));
        }
    }

    static String describe(Event event) {
        return switch (event) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> event.name();
        };
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("no JSON mapping for " + type);
    }

    /** Where the parser stopped and what it expected, without its offsets and never more than a token. */
    private static String locate(JsonParsingException e) {
        String message =
                String.valueOf(e.getMessage()).replaceAll(" at \\(line no=\\d+, column no=\\d+, offset=-?\\d+\\)", "");
        Matcher unexpected = UNEXPECTED_CHAR.matcher(message);
        if (unexpected.find()) {
            int c = Integer.parseInt(unexpected.group(1));
            message = unexpected.replaceFirst(String.format("unexpected character U+%04X", c));
        }
        var location = e.getLocation();
        String where = location == null
                ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return where + ": " + Check.cut(message);
    }
}
