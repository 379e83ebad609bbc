package io.campanile.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the footprint of some processes every 200 ms while a workload runs, and keeps each one's peak;
 * {@link #close()} stops sampling.
 */
final class FootprintSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 200;

    private final Map<String, Long> processes;
    private final Map<String, ProcFootprint> peaks = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "footprint-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts sampling {@code processes} (name to pid). */
    FootprintSampler(Map<String, Long> processes) {
        this.processes = Map.copyOf(processes);
        sample();
        timer.scheduleAtFixedRate(this::sample, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        processes.forEach((name, pid) -> peaks.merge(name, ProcFootprint.of(pid), ProcFootprint::peak));
    }

    /** Each process's peak so far. */
    synchronized Map<String, ProcFootprint> peaks() {
        return new LinkedHashMap<>(peaks);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
