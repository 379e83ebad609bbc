package io.campanile.benchmark;

import java.util.List;

/** Nearest-rank percentiles of a list of values (milliseconds of fire lag, for example). */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The smallest value with at least {@code percent} % of the values at or below it. */
    public double at(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }
}
