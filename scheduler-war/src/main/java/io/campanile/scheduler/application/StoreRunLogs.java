package io.campanile.scheduler.application;

import io.campanile.api.protocol.LogAnswer;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.LogLine;
import io.campanile.api.protocol.Refusal;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.log.RunLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores the run log lines a worker sends, on any server (they are rows like any other; nothing about them is the
 * owner's). Lines are taken only for attempts of the worker's app that reached that attempt; lines of the current
 * attempt only from the worker that runs (or ran) it. One read of the instances named, then the inserts.
 */
@ApplicationScoped
public class StoreRunLogs {

    /** The most lines stored per attempt: later ones are refused, whatever the worker's own limit. */
    public static final long MAX_LINES_PER_ATTEMPT = 100_000;

    private InstanceRepository instances;
    private RunLogRepository logs;

    protected StoreRunLogs() {}

    @Inject
    public StoreRunLogs(InstanceRepository instances, RunLogRepository logs) {
        this.instances = instances;
        this.logs = logs;
    }

    public LogAnswer store(String appName, LogBatch batch) {
        Map<Key, List<LogLine>> byAttempt = new LinkedHashMap<>();
        for (LogLine line : batch.lines()) {
            byAttempt
                    .computeIfAbsent(new Key(line.instanceId(), line.attempt()), k -> new ArrayList<>())
                    .add(line);
        }
        Map<Long, AttemptSnapshot> now = instances
                .snapshotsOf(
                        appName,
                        byAttempt.keySet().stream().map(Key::instanceId).collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(AttemptSnapshot::instanceId, Function.identity()));
        List<LogLine> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        byAttempt.forEach((key, lines) -> {
            String why = why(appName, key, now.get(key.instanceId()), batch.workerId());
            if (why != null) {
                refused.add(new Refusal(key.instanceId(), key.attempt(), why));
                return;
            }
            lines.stream().filter(l -> l.seq() <= MAX_LINES_PER_ATTEMPT).forEach(accepted::add);
        });
        logs.store(accepted);
        return new LogAnswer(accepted.size(), refused);
    }

    private static String why(String appName, Key key, AttemptSnapshot s, String workerId) {
        if (s == null) {
            return "app " + appName + " has no instance " + key.instanceId();
        }
        if (s.attempt() < key.attempt()) {
            return "instance " + key.instanceId() + " is at attempt " + s.attempt();
        }
        if (s.attempt() == key.attempt() && !workerId.equals(s.workerId())) {
            return s.workerId() == null
                    ? "attempt " + key.attempt() + " has not started on any worker"
                    : "attempt " + key.attempt() + " runs on worker " + s.workerId();
        }
        return null;
    }

    private record Key(long instanceId, int attempt) {}
}
