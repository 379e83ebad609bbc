package io.campanile.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU goes while a backlog drains: the machine's busy CPU time (all cores, from {@code /proc/stat}) and
 * each of a subject's own processes' (user + system, from {@code /proc/<pid>/stat}), sampled every 100 ms, so
 * that the time between the first and the last processor call can be cut out afterwards; also PostgreSQL's
 * processes and the benchmark's own JVM (where the peers run), so that what the machine spent is accounted for.
 */
final class CpuSampler implements AutoCloseable {

    /** The name of the machine's own figure. */
    static final String MACHINE = "machine";
    /** The benchmark's own JVM: the Await loop, and the peers, which run in it. */
    static final String BENCHMARK_JVM = "benchmark JVM";
    /** Every process named {@code postgres}: the benchmark's cluster and any other on the machine. */
    static final String POSTGRES = "PostgreSQL";
    /** Linux's clock ticks a second ({@code getconf CLK_TCK}); 100 on every kernel this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private record Sample(Instant at, Map<String, Long> ticks) {}

    /** PostgreSQL's processes are looked for again every this many samples (a second): a scan reads all of /proc. */
    private static final int POSTGRES_RESCAN = 10;

    private final Map<String, Long> processes;
    private final List<Sample> samples = new ArrayList<>();
    private List<Path> postgres = List.of();
    private int sampled;
    private final Thread thread;
    private volatile boolean running = true;

    CpuSampler(Map<String, Long> processes) {
        this.processes = new LinkedHashMap<>(processes);
        this.processes.put(BENCHMARK_JVM, ProcessHandle.current().pid());
        this.thread = new Thread(this::sampleUntilClosed, "cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        Map<String, Long> ticks = new HashMap<>();
        try {
            ticks.put(MACHINE, busyTicks(Files.readString(Path.of("/proc/stat"), StandardCharsets.US_ASCII)));
            for (Map.Entry<String, Long> process : processes.entrySet()) {
                ticks.put(
                        process.getKey(),
                        processTicks(Files.readString(
                                Path.of("/proc", process.getValue().toString(), "stat"), StandardCharsets.US_ASCII)));
            }
            if (sampled++ % POSTGRES_RESCAN == 0) {
                postgres = postgresProcesses();
            }
            ticks.put(POSTGRES, postgresTicks(postgres));
        } catch (IOException | RuntimeException e) {
            return; // a process gone, or no /proc: this sample is skipped
        }
        synchronized (samples) {
            samples.add(new Sample(Instant.now(), ticks));
        }
    }

    /**
     * CPU seconds each of the machine and the processes spent from the last sample at or before {@code from} to
     * the first at or after {@code to}; empty when the samples do not cover that window.
     */
    Map<String, Double> cpuSeconds(Instant from, Instant to) {
        Sample start = null;
        Sample end = null;
        synchronized (samples) {
            for (Sample s : samples) {
                if (!s.at().isAfter(from)) {
                    start = s;
                }
                if (end == null && !s.at().isBefore(to)) {
                    end = s;
                }
            }
        }
        Map<String, Double> spent = new LinkedHashMap<>();
        if (start == null || end == null) {
            return spent;
        }
        for (String name : end.ticks().keySet()) {
            Long before = start.ticks().get(name);
            if (before != null) {
                spent.put(name, (end.ticks().get(name) - before) / TICKS_PER_SECOND);
            }
        }
        return spent;
    }

    /**
     * Every process named {@code postgres} now alive: the postmaster, its background processes and one backend per
     * connection (pooled, so they live through a window; a backend that exits takes its ticks along).
     */
    private static List<Path> postgresProcesses() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path pid : pids) {
                try {
                    if (Files.readString(pid.resolve("comm"), StandardCharsets.US_ASCII)
                            .strip()
                            .equals("postgres")) {
                        found.add(pid.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // ended while we looked
                }
            }
        }
        return found;
    }

    private static long postgresTicks(List<Path> stats) {
        long ticks = 0;
        for (Path stat : stats) {
            try {
                ticks += processTicks(Files.readString(stat, StandardCharsets.US_ASCII));
            } catch (IOException gone) {
                // a backend that ended: its ticks are gone with it
            }
        }
        return ticks;
    }

    /** The first line of {@code /proc/stat}: every field but idle and iowait is busy time. */
    static long busyTicks(String procStat) {
        String[] fields = procStat.lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line; the command name may hold spaces and parentheses. */
    static long processTicks(String pidStat) {
        String[] fields = pidStat.substring(pidStat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is the state (field 3 of the line): utime and stime are fields 14 and 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sample();
    }
}
