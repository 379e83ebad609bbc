package io.campanile.scheduler.application;

import io.campanile.api.admin.AttemptView;
import io.campanile.api.admin.InstanceDetail;
import io.campanile.scheduler.domain.instance.EarlierAttempt;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads one instance of an app with its attempts and its whole history as a timeline. */
@ApplicationScoped
public class ReadInstances {

    private ManageApps apps;
    private InstanceRepository instances;
    private JobRepository jobs;
    private WorkerSummaryRepository workers;

    protected ReadInstances() {}

    @Inject
    public ReadInstances(
            ManageApps apps, InstanceRepository instances, JobRepository jobs, WorkerSummaryRepository workers) {
        this.apps = apps;
        this.instances = instances;
        this.jobs = jobs;
        this.workers = workers;
    }

    @Transactional
    public InstanceDetail detail(String appName, long instanceId) {
        apps.require(appName);
        JobInstance instance = instances
                .find(instanceId)
                .filter(i -> i.appName().equals(appName))
                .orElseThrow(() -> RequestRejected.notFound("app " + appName + " has no instance " + instanceId));
        Job job = jobs.find(appName, instance.jobId()).orElseThrow();
        List<EarlierAttempt> earlier = instances.earlierAttempts(instanceId);
        return new InstanceDetail(
                Views.of(instance, job, workers.find(appName)),
                earlier.stream().map(ReadInstances::view).toList(),
                InstanceTimeline.of(instance, earlier, instances.moves(instanceId)));
    }

    private static AttemptView view(EarlierAttempt a) {
        return new AttemptView(
                a.attempt(),
                a.workerId(),
                a.epoch(),
                a.startedAt(),
                a.finishedAt(),
                a.outcome().name(),
                a.result(),
                a.retriedBy());
    }
}
