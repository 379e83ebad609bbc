package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.api.protocol.StatusReport;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records a worker's report on one attempt of an instance. Any server may record it: a report moves
 * an instance the owner already dispatched, it creates and dispatches nothing. A repeated report
 * (the worker retried after a lost answer) is accepted without change.
 */
@ApplicationScoped
public class ReportStatus {

    private InstanceRepository instances;

    protected ReportStatus() {}

    @Inject
    public ReportStatus(InstanceRepository instances) {
        this.instances = instances;
    }

    @Transactional
    public void report(String appName, StatusReport report) {
        JobInstance instance = instances
                .find(report.instanceId())
                .filter(i -> i.appName().equals(appName))
                .orElseThrow(
                        () -> RequestRejected.notFound("app " + appName + " has no instance " + report.instanceId()));
        InstanceState target = report.state().toInstanceState();
        if (instance.attempt() == report.attempt() && instance.state() == target) {
            return;
        }
        if (!instances.applyReport(instance.id(), report.attempt(), target, report.workerId(), report.message())) {
            throw RequestRejected.conflict("instance " + instance.id() + " is at attempt " + instance.attempt()
                    + " in state " + instance.state() + "; cannot record " + target + " for attempt "
                    + report.attempt());
        }
    }
}
