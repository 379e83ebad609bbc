package io.campanile.scheduler.application;

import io.campanile.api.admin.RunLogPage;
import io.campanile.api.protocol.LogLine;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.log.RunLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reads an attempt's log, from after a line number, for the admin API: any server answers from the database. */
@ApplicationScoped
public class ReadRunLogs {

    public static final int MAX_LINES = 1000;

    private ManageApps apps;
    private InstanceRepository instances;
    private RunLogRepository logs;

    protected ReadRunLogs() {}

    @Inject
    public ReadRunLogs(ManageApps apps, InstanceRepository instances, RunLogRepository logs) {
        this.apps = apps;
        this.instances = instances;
        this.logs = logs;
    }

    /**
     * @param attempt the attempt (null: the instance's current one)
     * @throws RequestRejected (not found) for an unknown app or instance, (invalid) for an attempt it never reached
     */
    public RunLogPage read(String appName, long instanceId, Integer attempt, long after, int limit) {
        apps.require(appName);
        JobInstance instance = instances
                .find(instanceId)
                .filter(i -> i.appName().equals(appName))
                .orElseThrow(() -> RequestRejected.notFound("app " + appName + " has no instance " + instanceId));
        int which = attempt == null ? instance.attempt() : attempt;
        if (which < 1 || which > instance.attempt()) {
            throw RequestRejected.invalid(
                    "attempt",
                    "instance " + instanceId + " has attempts 1 to " + instance.attempt() + ", not " + which);
        }
        List<LogLine> lines = logs.read(instanceId, which, after, limit);
        long next = lines.isEmpty() ? after : lines.get(lines.size() - 1).seq();
        boolean finished = which < instance.attempt() || instance.state().isTerminal();
        return new RunLogPage(instanceId, which, lines, next, instance.state(), finished);
    }
}
