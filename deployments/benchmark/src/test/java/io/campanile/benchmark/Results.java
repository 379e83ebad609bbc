package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a benchmark run collects: figures, notes for the reader, sections of the summary that are no table of
 * figures (a scheduler's top statements, the scaling steps), and the fire lags and the failover timeline for the
 * pictures.
 */
final class Results {

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<Double>> fireLags = new LinkedHashMap<>();
    private final Map<String, String> sections = new LinkedHashMap<>();
    private FailoverTimeline failoverTimeline;

    synchronized void add(Figure figure) {
        figures.add(figure);
        System.out.println("FIGURE " + figure.toJson());
    }

    synchronized void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    synchronized void fireLags(String scheduler, List<Double> lagsMillis) {
        fireLags.put(scheduler, List.copyOf(lagsMillis));
    }

    /** A section of the summary of its own (Markdown under {@code title}), after the scenarios' tables. */
    synchronized void section(String title, String markdown) {
        sections.put(title, markdown);
    }

    synchronized Map<String, String> sections() {
        return new LinkedHashMap<>(sections);
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized Map<String, List<Double>> fireLags() {
        return new LinkedHashMap<>(fireLags);
    }

    synchronized void failoverTimeline(FailoverTimeline timeline) {
        failoverTimeline = timeline;
    }

    /** The failover scenario's calls and events for its picture; empty when it did not run. */
    synchronized Optional<FailoverTimeline> failoverTimeline() {
        return Optional.ofNullable(failoverTimeline);
    }
}
