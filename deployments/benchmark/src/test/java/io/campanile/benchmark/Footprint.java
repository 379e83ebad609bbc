package io.campanile.benchmark;

import java.util.Map;

/**
 * The FOOTPRINT figures: resident memory and threads of a subject's own processes (Campanile's server and
 * worker application), when idle and at their peak under the throughput backlog. The peers run inside the
 * benchmark's JVM and have no process of their own to measure.
 */
final class Footprint {

    private Footprint() {}

    static void idle(Subject subject, Results results) {
        subject.processes().forEach((name, pid) -> add(subject, name, "idle", ProcFootprint.of(pid), results));
    }

    static void underLoad(Subject subject, Map<String, ProcFootprint> peaks, Results results) {
        peaks.forEach((name, peak) -> add(subject, name, "peak under load", peak, results));
    }

    private static void add(Subject subject, String process, String when, ProcFootprint footprint, Results results) {
        results.add(new Figure(
                Scenario.FOOTPRINT,
                subject.name(),
                process + " resident memory, " + when,
                footprint.residentMegabytes(),
                "MB",
                1));
        results.add(new Figure(
                Scenario.FOOTPRINT, subject.name(), process + " threads, " + when, footprint.threads(), "threads", 1));
    }
}
