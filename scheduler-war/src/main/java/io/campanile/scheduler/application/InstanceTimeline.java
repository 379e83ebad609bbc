package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.api.admin.InstanceEvent;
import io.campanile.scheduler.domain.instance.AttemptEnd;
import io.campanile.scheduler.domain.instance.EarlierAttempt;
import io.campanile.scheduler.domain.instance.InstanceMove;
import io.campanile.scheduler.domain.instance.InstanceTransitions.Cause;
import io.campanile.scheduler.domain.instance.JobInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An instance's history as one timeline, oldest first. Claims and reports, the moves of every run, are not written
 * twice: they are read from where they are kept (the instance row for its current attempt, {@code job_attempt} for the
 * earlier ones); every other move comes from the recorded moves ({@code instance_event}). At the same instant a
 * creation comes before a claim, a claim before an outcome, an outcome before a recorded move.
 */
final class InstanceTimeline {

    private InstanceTimeline() {}

    private record Entry(InstanceEvent event, int rank, int order) {}

    static List<InstanceEvent> of(JobInstance i, List<EarlierAttempt> earlier, List<InstanceMove> moves) {
        List<Entry> entries = new ArrayList<>();
        boolean buffered = i.state() == InstanceState.BUFFERED
                || moves.stream().anyMatch(m -> m.cause().equals(Cause.RELEASE.name()) && m.attempt() == 1);
        InstanceState first = i.state() == InstanceState.SKIPPED
                ? InstanceState.SKIPPED
                : buffered ? InstanceState.BUFFERED : InstanceState.WAITING;
        add(
                entries,
                0,
                new InstanceEvent(
                        i.createdAt(),
                        1,
                        first,
                        "CREATED",
                        null,
                        null,
                        i.ownerId(),
                        i.trigger() + " fire of " + i.fireTime()));
        for (EarlierAttempt a : earlier) {
            if (a.startedAt() != null) {
                add(entries, 1, claim(a.startedAt(), a.attempt(), a.workerId(), a.epoch()));
            }
            boolean lost = a.outcome() == AttemptEnd.WORKER_LOST;
            add(
                    entries,
                    2,
                    new InstanceEvent(
                            a.finishedAt(),
                            a.attempt(),
                            lost
                                    ? InstanceState.FAILED
                                    : InstanceState.valueOf(a.outcome().name()),
                            lost ? Cause.LOST.name() : Cause.REPORT.name(),
                            a.workerId(),
                            a.epoch(),
                            null,
                            a.result()));
        }
        if (i.startedAt() != null && i.workerId() != null) {
            add(entries, 1, claim(i.startedAt(), i.attempt(), i.workerId(), i.epoch()));
        }
        boolean endRecorded = moves.stream().anyMatch(m -> m.attempt() == i.attempt() && m.state() == i.state());
        if (i.state().isTerminal() && i.state() != InstanceState.SKIPPED && i.finishedAt() != null && !endRecorded) {
            add(
                    entries,
                    2,
                    new InstanceEvent(
                            i.finishedAt(),
                            i.attempt(),
                            i.state(),
                            Cause.REPORT.name(),
                            i.workerId(),
                            i.epoch(),
                            null,
                            i.result()));
        }
        for (InstanceMove m : moves) {
            add(
                    entries,
                    3,
                    new InstanceEvent(
                            m.at(), m.attempt(), m.state(), m.cause(), m.workerId(), null, m.serverId(), m.note()));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.event().at())
                .thenComparingInt(Entry::rank)
                .thenComparingInt(Entry::order));
        return entries.stream().map(Entry::event).toList();
    }

    private static InstanceEvent claim(Instant at, int attempt, String workerId, long epoch) {
        return new InstanceEvent(at, attempt, InstanceState.RUNNING, Cause.CLAIM.name(), workerId, epoch, null, null);
    }

    private static void add(List<Entry> entries, int rank, InstanceEvent event) {
        if (event.at() != null) {
            entries.add(new Entry(event, rank, entries.size()));
        }
    }
}
