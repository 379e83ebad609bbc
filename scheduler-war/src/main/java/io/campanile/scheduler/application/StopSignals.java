package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
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
 * Tells a worker, in the answer to its heartbeat, which of the attempts it runs it must stop: those no longer running
 * on it (stopped through the admin API, cancelled by a newer fire, given up when it was taken for lost). One read by
 * primary key per heartbeat of a worker that runs something; nothing for an idle one.
 */
@ApplicationScoped
public class StopSignals {

    private InstanceRepository instances;

    protected StopSignals() {}

    @Inject
    public StopSignals(InstanceRepository instances) {
        this.instances = instances;
    }

    public List<Refusal> toStop(String appName, String workerId, List<Claim> running) {
        if (running == null || running.isEmpty()) {
            return List.of();
        }
        Map<Long, AttemptSnapshot> now =
                instances
                        .snapshotsOf(
                                appName, running.stream().map(Claim::instanceId).toList())
                        .stream()
                        .collect(Collectors.toMap(AttemptSnapshot::instanceId, Function.identity()));
        List<Refusal> stop = new ArrayList<>();
        for (Claim claim : running) {
            AttemptSnapshot s = now.get(claim.instanceId());
            String why = s == null
                    ? "app " + appName + " has no instance " + claim.instanceId()
                    : whyNotRunning(s, claim, workerId);
            if (why != null) {
                stop.add(new Refusal(claim.instanceId(), claim.attempt(), why));
            }
        }
        return stop;
    }

    /** Null while the attempt still runs on the worker. */
    private static String whyNotRunning(AttemptSnapshot s, Claim claim, String workerId) {
        if (s.attempt() != claim.attempt()) {
            return "instance " + s.instanceId() + " is at attempt " + s.attempt();
        }
        if (!workerId.equals(s.workerId())) {
            return "attempt " + claim.attempt() + " of instance " + s.instanceId() + " is not this worker's";
        }
        if (s.state() != InstanceState.RUNNING) {
            return "instance " + s.instanceId() + " is " + s.state();
        }
        return null;
    }
}
