package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.api.admin.InstanceView;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.InstanceTransitions;
import io.campanile.scheduler.domain.instance.InstanceTransitions.Cause;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * An operator's hand on one instance, through the admin API: stop it (a running attempt is cancelled on its worker
 * at the worker's next heartbeat), run a finished one again as a new attempt, or mark a failed one succeeded. Each
 * is one conditional update from the state the operator saw, so two operators (or an operator and a worker's report)
 * cannot both win; the loser gets 409 with where the instance now stands. Not one transaction: each read and
 * update is its own (the repository's), so that the answer reads the instance as the update left it.
 */
@ApplicationScoped
public class ControlInstances {

    private static final int MAX_NOTE = 1000;

    private ManageApps apps;
    private InstanceRepository instances;
    private JobRepository jobs;
    private WorkerSummaryRepository workers;
    private DueWork dueWork;
    private ServerIdentity me;
    private Clock clock;

    protected ControlInstances() {}

    @Inject
    public ControlInstances(
            ManageApps apps,
            InstanceRepository instances,
            JobRepository jobs,
            WorkerSummaryRepository workers,
            DueWork dueWork,
            ServerIdentity me,
            DatabaseClock clock) {
        this.apps = apps;
        this.instances = instances;
        this.jobs = jobs;
        this.workers = workers;
        this.dueWork = dueWork;
        this.me = me;
        this.clock = clock;
    }

    /** WAITING, BUFFERED or RUNNING to CANCELLED; a running attempt's worker is told to interrupt it. */
    public InstanceView stop(String appName, long instanceId, String note) {
        Check.text("note", note, MAX_NOTE);
        JobInstance instance = require(appName, instanceId);
        refuseUnless(instance, InstanceState.CANCELLED, "stopped");
        if (!instances.stop(instanceId, "stopped through the admin API" + said(note))) {
            throw movedOn(appName, instanceId);
        }
        return view(appName, instanceId);
    }

    /** A finished instance (succeeded, failed, timed out or cancelled) runs again now, as its next attempt. */
    public InstanceView retry(String appName, long instanceId, String note) {
        Check.text("note", note, MAX_NOTE);
        JobInstance instance = require(appName, instanceId);
        refuseUnless(instance, InstanceState.WAITING, "run again");
        Instant now = clock.instant();
        String why = "attempt " + instance.attempt() + " " + instance.state() + "; run again through the admin API"
                + said(note);
        if (!instances.rerun(instanceId, instance.attempt(), instance.state(), now, why, me.id())) {
            throw movedOn(appName, instanceId);
        }
        dueWork.workDueAt(appName, now);
        return view(appName, instanceId);
    }

    /** A failed, timed-out or cancelled instance is marked succeeded; its last result is kept in the new one. */
    public InstanceView succeed(String appName, long instanceId, String note) {
        Check.text("note", note, MAX_NOTE);
        JobInstance instance = require(appName, instanceId);
        refuseUnless(instance, InstanceState.SUCCEEDED, "marked succeeded");
        String result = "marked succeeded through the admin API" + said(note) + " (was " + instance.state()
                + (instance.result() == null ? "" : ": " + instance.result()) + ")";
        if (!instances.markSucceeded(instanceId, instance.attempt(), instance.state(), result)) {
            throw movedOn(appName, instanceId);
        }
        return view(appName, instanceId);
    }

    private JobInstance require(String appName, long instanceId) {
        apps.require(appName);
        return instances
                .find(instanceId)
                .filter(i -> i.appName().equals(appName))
                .orElseThrow(() -> RequestRejected.notFound("app " + appName + " has no instance " + instanceId));
    }

    private static void refuseUnless(JobInstance instance, InstanceState target, String what) {
        if (!InstanceTransitions.canMove(instance.state(), target, Cause.OPERATOR)) {
            throw RequestRejected.conflict("instance " + instance.id() + " is " + instance.state() + ": it cannot be "
                    + what + " (" + InstanceTransitions.sourcesOf(target, Cause.OPERATOR) + " can)");
        }
    }

    private RequestRejected movedOn(String appName, long instanceId) {
        JobInstance now = require(appName, instanceId);
        return RequestRejected.conflict("instance " + instanceId + " moved on meanwhile: it is " + now.state()
                + " at attempt " + now.attempt() + "; read it again");
    }

    private static String said(String note) {
        return note == null || note.isBlank() ? "" : ": " + note.trim();
    }

    private InstanceView view(String appName, long instanceId) {
        JobInstance instance = require(appName, instanceId);
        Job job = jobs.find(appName, instance.jobId()).orElseThrow();
        return Views.of(instance, job, workers.find(appName));
    }
}
