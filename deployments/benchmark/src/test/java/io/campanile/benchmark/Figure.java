package io.campanile.benchmark;

import java.util.Locale;

/**
 * One measured figure: {@code value} in {@code unit} of {@code metric} for one scheduler in one scenario,
 * measured over {@code n} runs (or seconds, for idle figures).
 */
public record Figure(Scenario scenario, String scheduler, String metric, double value, String unit, long n) {

    public Figure {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric + " of " + scheduler + " is not a number: " + value);
        }
    }

    /** One line of {@code results.jsonl}. */
    public String toJson() {
        return "{\"scenario\":" + quote(scenario.name()) + ",\"scheduler\":" + quote(scheduler) + ",\"metric\":"
                + quote(metric) + ",\"value\":" + number(value) + ",\"unit\":" + quote(unit) + ",\"n\":" + n + "}";
    }

    /** The value as people read it: whole numbers without a fraction, others with up to two decimals. */
    public String formattedValue() {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
