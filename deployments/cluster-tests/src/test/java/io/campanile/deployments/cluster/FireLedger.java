package io.campanile.deployments.cluster;

import io.campanile.api.InstanceState;
import io.campanile.api.admin.InstanceView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts for every fire of an every-second job in a window of whole seconds: the instances the servers
 * recorded against the runs the worker's audit file shows.
 *
 * <ul>
 * <li>expected: one fire per second of the window, both ends included;</li>
 * <li>duplicates: a fire time with two instances, or two audit lines with the same attempt (a double run);</li>
 * <li>retries: audit lines with attempt &gt; 1, an explicit re-run, counted apart;</li>
 * <li>missing: a fire time with no instance, or one that never ran although it is no longer recent;</li>
 * <li>unfinished: an instance that is not SUCCEEDED although it is no longer recent.</li>
 * </ul>
 */
public final class FireLedger {

    private final long expected;
    private final int instances;
    private final int ran;
    private final List<Instant> duplicates = new ArrayList<>();
    private final List<Instant> retries = new ArrayList<>();
    private final List<Instant> missing = new ArrayList<>();
    private final List<InstanceView> unfinished = new ArrayList<>();

    /**
     * @param recentSince fires at or after this time may still be unfinished or not yet run
     */
    public FireLedger(
            Instant windowStart,
            Instant windowEnd,
            Instant recentSince,
            List<InstanceView> allInstances,
            List<AuditLog.Run> jobRuns) {
        Instant start = windowStart.truncatedTo(ChronoUnit.SECONDS);
        Instant end = windowEnd.truncatedTo(ChronoUnit.SECONDS);
        List<InstanceView> inWindow = allInstances.stream()
                .filter(instance -> within(instance.fireTime(), start, end))
                .toList();
        List<AuditLog.Run> runs = jobRuns.stream()
                .filter(run -> within(run.fireTime(), start, end))
                .toList();
        Map<Instant, List<InstanceView>> instancesByFire = inWindow.stream()
                .collect(Collectors.groupingBy(instance -> instance.fireTime().truncatedTo(ChronoUnit.SECONDS)));
        Map<Instant, List<AuditLog.Run>> runsByFire = runs.stream()
                .collect(Collectors.groupingBy(run -> run.fireTime().truncatedTo(ChronoUnit.SECONDS)));

        this.expected = ChronoUnit.SECONDS.between(start, end) + 1;
        this.instances = inWindow.size();
        this.ran = runsByFire.size();
        instancesByFire.forEach((fire, list) -> {
            if (list.size() > 1) {
                duplicates.add(fire);
            }
        });
        runsByFire.forEach((fire, list) -> {
            if (hasRepeatedAttempt(list)) {
                duplicates.add(fire);
            }
        });
        runs.stream().filter(run -> run.attempt() > 1).forEach(run -> retries.add(run.fireTime()));
        for (Instant fire = start; !fire.isAfter(end); fire = fire.plusSeconds(1)) {
            boolean recent = !fire.isBefore(recentSince);
            if (!instancesByFire.containsKey(fire) || (!runsByFire.containsKey(fire) && !recent)) {
                missing.add(fire);
            }
        }
        inWindow.stream()
                .filter(instance -> instance.state() != InstanceState.SUCCEEDED)
                .filter(instance -> instance.fireTime().isBefore(recentSince))
                .forEach(unfinished::add);
    }

    private static boolean within(Instant time, Instant start, Instant end) {
        Instant second = time.truncatedTo(ChronoUnit.SECONDS);
        return !second.isBefore(start) && !second.isAfter(end);
    }

    private static boolean hasRepeatedAttempt(List<AuditLog.Run> runs) {
        Set<Integer> attempts = new HashSet<>();
        return runs.stream().anyMatch(run -> !attempts.add(run.attempt()));
    }

    public long expected() {
        return expected;
    }

    public int instances() {
        return instances;
    }

    public int ran() {
        return ran;
    }

    public List<Instant> duplicates() {
        return duplicates.stream().sorted().toList();
    }

    public List<Instant> retries() {
        return retries.stream().sorted().toList();
    }

    public List<Instant> missing() {
        return List.copyOf(missing);
    }

    public List<InstanceView> unfinished() {
        return List.copyOf(unfinished);
    }

    /** {@code FIRES expected=N instances=N ran=N duplicates=0 missing=0 retries=0 unfinished=0}. */
    public String summary() {
        return "FIRES expected=" + expected + " instances=" + instances + " ran=" + ran
                + " duplicates=" + duplicates.size() + " missing=" + missing.size() + " retries=" + retries.size()
                + " unfinished=" + unfinished.size();
    }
}
