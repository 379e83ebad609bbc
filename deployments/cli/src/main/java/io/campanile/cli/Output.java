package io.campanile.cli;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Where a command prints its answer: as text for people (the default) or as JSON ({@code --json}, {@code -o json}),
 * the DTOs of {@code campanile-api} as JSON-B writes them (null fields left out, times as ISO-8601 instants).
 */
final class Output {

    private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
    private static final Jsonb COMPACT = JsonbBuilder.create();

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** A value as indented JSON, as {@code --json} prints it. */
    static String pretty(Object value) {
        return PRETTY.toJson(value);
    }

    boolean json() {
        return json;
    }

    /** Prints {@code value} as JSON, or the text {@code human} makes of it. */
    void show(Object value, Supplier<String> human) {
        print(json ? PRETTY.toJson(value) : human.get());
    }

    /** One value as one line of compact JSON (JSON Lines, for streams such as a followed log). */
    void jsonLine(Object value) {
        print(COMPACT.toJson(value));
    }

    /** Text as it is, ending in one line break. */
    void print(String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }
}
