package io.campanile.scheduler.application;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.Refusal;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.instance.Attempt;
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
 * Records a worker's claim on the attempts of one poll answer: each moves from WAITING to RUNNING on that worker
 * in one set-based conditional update that holds only while the answer's epoch is still the app's epoch, so a
 * deposed owner's hand-out, an attempt handed out twice, or a late claim runs nowhere. Any server records claims
 * (the database decides); the owner also settles its hand-outs.
 */
@ApplicationScoped
public class ClaimWork {

    private InstanceRepository instances;
    private HandedOut handedOut;
    private HeldApps held;
    private SchedulerMetrics metrics;

    protected ClaimWork() {}

    @Inject
    public ClaimWork(InstanceRepository instances, HandedOut handedOut, HeldApps held, SchedulerMetrics metrics) {
        this.instances = instances;
        this.handedOut = handedOut;
        this.held = held;
        this.metrics = metrics;
    }

    public ClaimAnswer claim(String appName, ClaimRequest request) {
        List<Attempt> attempts = request.claims().stream()
                .map(c -> new Attempt(c.instanceId(), c.attempt()))
                .toList();
        Map<Long, AttemptSnapshot> now = metrics
                .timed(
                        SchedulerMetrics.DbCall.CLAIM,
                        () -> instances.claim(appName, request.workerId(), request.epoch(), attempts))
                .stream()
                .collect(Collectors.toMap(AttemptSnapshot::instanceId, Function.identity()));
        List<Claim> claimed = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (Claim c : request.claims()) {
            AttemptSnapshot s = now.get(c.instanceId());
            if (s != null && s.isRunningOn(c.attempt(), request.workerId(), request.epoch())) {
                claimed.add(c);
            } else {
                refused.add(new Refusal(c.instanceId(), c.attempt(), why(appName, c, s, request.epoch())));
            }
        }
        if (held.epochOf(appName).isPresent()) {
            handedOut.settle(appName, now.keySet());
        }
        return new ClaimAnswer(claimed, refused);
    }

    private static String why(String appName, Claim c, AttemptSnapshot s, long epoch) {
        if (s == null) {
            return "app " + appName + " has no instance " + c.instanceId();
        }
        if (s.attempt() != c.attempt()) {
            return "instance " + c.instanceId() + " is at attempt " + s.attempt();
        }
        return switch (s.state()) {
            case WAITING -> "handed out under epoch " + epoch + ", which is no longer the epoch of app " + appName;
            case RUNNING -> "attempt " + c.attempt() + " already runs on worker " + s.workerId()
                    + " (claimed under epoch " + s.epoch() + ")";
            default -> "attempt " + c.attempt() + " already ended " + s.state();
        };
    }
}
