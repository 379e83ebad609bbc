package io.campanile.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The failover timeline picture: every call of the benchmark's stream of runs over time (x: seconds since the
 * first call; y: fire lag, the processor's start minus the run's instant), coloured by the server that owned the
 * app when the run was dispatched, with a vertical line at each event. A failover shows as a gap followed by a
 * spike of late runs in the new owner's colour.
 *
 * @param ownerByEpoch the server name behind each epoch, as far as the benchmark saw it
 */
record FailoverTimeline(List<Execution> calls, Map<Long, String> ownerByEpoch, List<FailoverRepetition> repetitions) {

    /** Apart from the owners' colours (JFreeChart's series start with red, blue, green). */
    private static final Map<FailoverEvent, Color> EVENT_COLOURS = Map.of(
            FailoverEvent.KILL, Color.BLACK, FailoverEvent.FREEZE, Color.MAGENTA, FailoverEvent.GRACEFUL, Color.GRAY);

    FailoverTimeline {
        calls = List.copyOf(calls);
        ownerByEpoch = Map.copyOf(ownerByEpoch);
        repetitions = List.copyOf(repetitions);
    }

    /** The series a call belongs to: its owner's name, or its epoch when the owner is not known. */
    String ownerOf(Execution call) {
        String owner = ownerByEpoch.get(call.epoch());
        return owner != null ? owner : "epoch " + call.epoch();
    }

    /** Where the time axis starts: the first call, or the first event when nothing was called. */
    Instant origin() {
        return calls.stream()
                .map(Execution::started)
                .min(Comparator.naturalOrder())
                .or(() -> repetitions.stream().map(FailoverRepetition::at).min(Comparator.naturalOrder()))
                .orElse(Instant.EPOCH);
    }

    void draw(Path file) {
        Instant origin = origin();
        Map<String, XYSeries> byOwner = new LinkedHashMap<>();
        calls.stream().sorted(Comparator.comparing(Execution::started)).forEach(call -> byOwner.computeIfAbsent(
                        ownerOf(call), owner -> new XYSeries(owner, false, true))
                .add(seconds(origin, call.started()), call.lag().toNanos() / 1e6));
        XYSeriesCollection dataset = new XYSeriesCollection();
        byOwner.values().forEach(dataset::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot(
                "Failover: runs over time, coloured by the owner that dispatched them",
                "seconds since the first run",
                "fire lag (ms)",
                dataset);
        chart.addSubtitle(new TextTitle("lines: black kill -9, magenta SIGSTOP, grey graceful stop"));
        XYPlot plot = chart.getXYPlot();
        // no labels on the lines: the subtitle names the colours, and 30 labels would overlap
        for (FailoverRepetition repetition : repetitions) {
            plot.addDomainMarker(new ValueMarker(
                    seconds(origin, repetition.at()), EVENT_COLOURS.get(repetition.event()), new BasicStroke(1.5f)));
        }
        Charts.save(chart, file);
    }

    private static double seconds(Instant origin, Instant instant) {
        return Duration.between(origin, instant).toNanos() / 1e9;
    }
}
