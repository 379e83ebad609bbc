package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the processes spent while a round of fires ran: CPU seconds of each (and of the machine, all cores) from the
 * first fire time to the last processor call ({@link CpuSampler}), and of each process's JIT compiler threads over
 * the round ({@link JitCpu}, from before the jobs' first fire to after their last call). Two cores here: every
 * process competes with the others for them.
 *
 * @param windowSeconds the first fire time to the last call
 * @param cpuSeconds CPU seconds over that window by process ({@link CpuSampler#MACHINE}: all cores)
 * @param jitSeconds CPU seconds of the compiler threads over the round by process
 */
record RoundCpu(double windowSeconds, Map<String, Double> cpuSeconds, Map<String, Double> jitSeconds) {

    /** The most CPU seconds one process's compiler threads took over the round; 0 when none was measured. */
    double mostJitSeconds() {
        return jitSeconds.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    /** What the machine spent beyond the processes followed: the kernel, and anything else running meanwhile. */
    static final String ELSE = "everything else";

    /**
     * Each process's CPU as a share of one core over the window (and the machine's beyond them), and its compiler
     * threads' seconds.
     */
    List<Figure> figures(Scenario scenario) {
        List<Figure> figures = new ArrayList<>();
        withElse()
                .forEach((process, seconds) -> figures.add(new Figure(
                        scenario, Summary.CAMPANILE, "CPU of one core, " + process, share(seconds), "%", 1)));
        jitSeconds.forEach((process, seconds) ->
                figures.add(new Figure(scenario, Summary.CAMPANILE, "JIT CPU, " + process, seconds, "s", 1)));
        return figures;
    }

    String line() {
        List<String> cpu = new ArrayList<>();
        withElse()
                .forEach((process, seconds) ->
                        cpu.add(String.format(Locale.ROOT, "%s %.0f%%", process, share(seconds))));
        List<String> jit = new ArrayList<>();
        jitSeconds.forEach((process, seconds) -> jit.add(String.format(Locale.ROOT, "%s %.2f s", process, seconds)));
        return String.format(
                Locale.ROOT,
                "CPU over the %.1f s of fires, %% of one core: %s; JIT compiler threads over the round: %s",
                windowSeconds,
                String.join(", ", cpu),
                String.join(", ", jit));
    }

    /** The CPU seconds, with the machine's beyond every process followed as {@link #ELSE}. */
    private Map<String, Double> withElse() {
        Map<String, Double> all = new LinkedHashMap<>(cpuSeconds);
        Double machine = cpuSeconds.get(CpuSampler.MACHINE);
        if (machine != null) {
            double followed = cpuSeconds.entrySet().stream()
                    .filter(e -> !e.getKey().equals(CpuSampler.MACHINE))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            all.put(ELSE, machine - followed);
        }
        return all;
    }

    private double share(double seconds) {
        return windowSeconds > 0 ? 100 * seconds / windowSeconds : 0;
    }
}
