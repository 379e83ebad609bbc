package io.campanile.benchmark;

import io.campanile.api.admin.JobDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The fire times the scheduled fire-lag scenarios expect: {@code fires} instants {@code step} apart from
 * {@code first}, made by {@code jobs} FIXED_RATE jobs together. Job {@code j} fires at {@code first + (j + k·jobs)
 * ·step} for k = 0, 1, ...: its lattice is anchored at {@code startAt = first + j·step} with the interval
 * {@code jobs·step}, and {@code endAt} is its last fire. So every step has exactly one fire, each instant belongs to
 * exactly one job, and a processor call is matched to its fire by the instant it was scheduled for alone.
 */
record FireLattice(Instant first, Duration step, int fires, int jobs) {

    /** The shortest FIXED_RATE interval the scheduler accepts. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    FireLattice {
        if (fires < 1 || jobs < 1 || jobs > fires) {
            throw new IllegalArgumentException(
                    "need at least one fire and between 1 and " + fires + " jobs, not " + fires + " fires of " + jobs);
        }
        // whole milliseconds: PostgreSQL keeps microseconds, and a fire is matched by its exact instant
        if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000 != 0 || first.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    "step " + step + " and first " + first + " must be whole milliseconds, the step at least one");
        }
        if (step.multipliedBy(jobs).compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(jobs + " jobs every " + step + " make an interval under " + MIN_INTERVAL
                    + ": use more jobs or fewer fires");
        }
    }

    /**
     * {@code fires} fire times spread evenly over {@code spread} from {@code first} (truncated to the millisecond),
     * the step rounded down to whole milliseconds, by {@code jobs} jobs (at most one per fire).
     */
    static FireLattice spread(Instant first, int fires, Duration spread, int jobs) {
        return new FireLattice(
                first.truncatedTo(ChronoUnit.MILLIS),
                Duration.ofMillis(spread.toMillis() / fires),
                fires,
                Math.min(jobs, fires));
    }

    /** Each job's interval: the period of its FIXED_RATE lattice. */
    Duration interval() {
        return step.multipliedBy(jobs);
    }

    Instant last() {
        return at(fires - 1);
    }

    /** Every fire time, earliest first. */
    List<Instant> instants() {
        List<Instant> instants = new ArrayList<>(fires);
        for (int i = 0; i < fires; i++) {
            instants.add(at(i));
        }
        return instants;
    }

    /** The fire times as the books key them ({@link #keyOf}). */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        instants().forEach(instant -> keys.add(instant.toString()));
        return keys;
    }

    /** How the books key a processor call: by the instant it was scheduled for. */
    static String keyOf(Execution execution) {
        return execution.scheduled().toString();
    }

    /** How many times job {@code job} fires: once for each k with {@code job + k·jobs < fires}. */
    int firesOf(int job) {
        checkJob(job);
        return (fires - job + jobs - 1) / jobs;
    }

    Instant startOf(int job) {
        checkJob(job);
        return at(job);
    }

    /** The job's last fire: its {@code endAt} (inclusive), so that it stops inside the window. */
    Instant endOf(int job) {
        return startOf(job).plus(interval().multipliedBy(firesOf(job) - 1L));
    }

    /** Job {@code job}, named {@code name}, running {@code processor} at its share of the fire times. */
    JobDefinition job(int job, String name, String processor) {
        return JobDefinition.fixedRate(name, processor, interval()).withWindow(startOf(job), endOf(job));
    }

    /** The job that fires at {@code instant}; empty when it is no fire time of the lattice. */
    OptionalInt jobAt(Instant instant) {
        if (instant.isBefore(first) || instant.isAfter(last())) {
            return OptionalInt.empty();
        }
        long sinceFirst = Duration.between(first, instant).toNanos();
        if (sinceFirst % step.toNanos() != 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (sinceFirst / step.toNanos() % jobs));
    }

    /**
     * Calls scheduled for an instant inside the window that is no fire time: a fire time the scheduler made up (or
     * computed wrongly). Calls outside the window (other runs of the same app) are not counted.
     */
    long offLattice(Collection<Execution> calls) {
        return calls.stream()
                .map(Execution::scheduled)
                .filter(t -> !t.isBefore(first) && !t.isAfter(last()))
                .filter(t -> jobAt(t).isEmpty())
                .count();
    }

    private Instant at(int fire) {
        return first.plus(step.multipliedBy(fire));
    }

    private void checkJob(int job) {
        if (job < 0 || job >= jobs) {
            throw new IllegalArgumentException("no job " + job + " of " + jobs);
        }
    }
}
