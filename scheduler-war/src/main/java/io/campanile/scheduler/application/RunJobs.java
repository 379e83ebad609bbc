package io.campanile.scheduler.application;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunRequest;
import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.job.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a job on request. Only the app's owner may create the instance (the write is fenced), so a
 * server that does not own the app forwards the request to the owner the election names.
 */
@ApplicationScoped
public class RunJobs {

    private static final long MAX_DELAY_SECONDS = 366L * 24 * 3600;
    private static final int MAX_PARAMETERS = 65_536;
    /** The instance's fire key is {@code "api:" + requestId}, VARCHAR(128). */
    private static final int MAX_REQUEST_ID = 100;

    private ManageJobs jobs;
    private CreateRun createRun;
    private DueWork dueWork;
    private Election election;
    private HeldApps held;
    private Peers peers;
    private ServerIdentity me;

    protected RunJobs() {}

    @Inject
    public RunJobs(
            ManageJobs jobs,
            CreateRun createRun,
            DueWork dueWork,
            Election election,
            HeldApps held,
            Peers peers,
            ServerIdentity me) {
        this.jobs = jobs;
        this.createRun = createRun;
        this.dueWork = dueWork;
        this.election = election;
        this.held = held;
        this.peers = peers;
        this.me = me;
    }

    public CreateRun.Created run(String appName, long jobId, RunRequest request) {
        RunRequest checked = check(request);
        Job job = jobs.require(appName, jobId);
        for (int round = 0; round < 2; round++) {
            Ownership owner = election.ownerOf(appName).orElseThrow();
            if (owner.isOwnedBy(me.id())) {
                Optional<CreateRun.Created> created = runHere(job, checked);
                if (created.isPresent()) {
                    return created.get();
                }
            } else {
                Optional<InstanceView> forwarded = peers.forwardRun(owner.ownerUrl(), appName, jobId, checked);
                if (forwarded.isPresent()) {
                    return new CreateRun.Created(forwarded.get(), true);
                }
            }
        }
        throw RequestRejected.unavailable("the owner of app " + appName + " could not be reached; try again");
    }

    /** A request forwarded by another server: carried out only if this server holds the app. */
    public CreateRun.Created runForwarded(String appName, long jobId, RunRequest request) {
        RunRequest checked = check(request);
        Job job = jobs.require(appName, jobId);
        return runHere(job, checked)
                .orElseThrow(() -> RequestRejected.conflict("this server does not own app " + appName));
    }

    private Optional<CreateRun.Created> runHere(Job job, RunRequest request) {
        Optional<Long> epoch = held.epochOf(job.appName());
        if (epoch.isEmpty()) {
            return Optional.empty();
        }
        try {
            long delay = request.delaySeconds() == null ? 0 : request.delaySeconds();
            CreateRun.Created created =
                    createRun.create(job, epoch.get(), request.requestId(), request.parameters(), delay);
            dueWork.workWaiting(job.appName());
            return Optional.of(created);
        } catch (FencedOut e) {
            held.lose(e.appName(), e.epoch());
            return Optional.empty();
        }
    }

    private static RunRequest check(RunRequest request) {
        RunRequest r = request != null ? request : RunRequest.now();
        if (r.delaySeconds() != null && (r.delaySeconds() < 0 || r.delaySeconds() > MAX_DELAY_SECONDS)) {
            throw RequestRejected.invalid("delaySeconds", "must be between 0 and " + MAX_DELAY_SECONDS);
        }
        Check.text("parameters", r.parameters(), MAX_PARAMETERS);
        String requestId = r.requestId() == null
                ? UUID.randomUUID().toString()
                : Check.identifier("requestId", r.requestId(), MAX_REQUEST_ID);
        return new RunRequest(r.parameters(), r.delaySeconds(), requestId);
    }
}
