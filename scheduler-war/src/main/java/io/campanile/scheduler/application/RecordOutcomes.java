package io.campanile.scheduler.application;

import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.Refusal;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptOutcome;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a batch of a worker's outcomes, set-based: each ends an attempt RUNNING on that worker. Any server
 * records them: an outcome ends what a claim started, it creates and hands out nothing. Repeating a batch is safe
 * (an outcome already recorded counts as recorded); an outcome for an attempt that is not the worker's, or that
 * already ended otherwise, is refused with the reason and changes nothing.
 */
@ApplicationScoped
public class RecordOutcomes {

    private InstanceRepository instances;

    protected RecordOutcomes() {}

    @Inject
    public RecordOutcomes(InstanceRepository instances) {
        this.instances = instances;
    }

    public ReportAnswer record(String appName, ReportBatch batch) {
        List<AttemptOutcome> outcomes = batch.outcomes().stream()
                .map(o -> new AttemptOutcome(
                        new Attempt(o.instanceId(), o.attempt()), o.state().toInstanceState(), o.message()))
                .toList();
        Map<Long, AttemptSnapshot> now = instances.recordOutcomes(appName, batch.workerId(), outcomes).stream()
                .collect(Collectors.toMap(AttemptSnapshot::instanceId, Function.identity()));
        int recorded = 0;
        List<Refusal> refused = new ArrayList<>();
        for (Outcome o : batch.outcomes()) {
            AttemptSnapshot s = now.get(o.instanceId());
            if (s != null && s.endedAs(o.attempt(), o.state().toInstanceState(), batch.workerId())) {
                recorded++;
            } else {
                refused.add(new Refusal(o.instanceId(), o.attempt(), why(appName, o, s, batch.workerId())));
            }
        }
        return new ReportAnswer(recorded, refused);
    }

    private static String why(String appName, Outcome o, AttemptSnapshot s, String workerId) {
        if (s == null) {
            return "app " + appName + " has no instance " + o.instanceId();
        }
        if (s.attempt() != o.attempt()) {
            return "instance " + o.instanceId() + " is at attempt " + s.attempt();
        }
        if (s.workerId() == null || !s.workerId().equals(workerId)) {
            return "attempt " + o.attempt() + " is not claimed by worker " + workerId;
        }
        return "attempt " + o.attempt() + " is " + s.state() + ", not running";
    }
}
