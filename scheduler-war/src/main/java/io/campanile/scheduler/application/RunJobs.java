package io.campanile.scheduler.application;

import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.job.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Runs a job on request. Only the app's owner may create the instance (the write is fenced), so a
 * server that does not own the app forwards the request to the owner the election names.
 */
@ApplicationScoped
public class RunJobs {

    private static final long MAX_DELAY_SECONDS = 366L * 24 * 3600;
    /** The instance's fire key is {@code "api:" + requestId}, VARCHAR(128). */
    private static final int MAX_REQUEST_ID = 100;
    /** The most runs in one batch (a batch is one transaction). */
    public static final int MAX_BATCH = 10_000;

    private ManageJobs jobs;
    private CreateRun createRun;
    private DueWork dueWork;
    private Election election;
    private HeldApps held;
    private Peers peers;
    private ServerIdentity me;
    private Clock clock;

    protected RunJobs() {}

    @Inject
    public RunJobs(
            ManageJobs jobs,
            CreateRun createRun,
            DueWork dueWork,
            Election election,
            HeldApps held,
            Peers peers,
            ServerIdentity me,
            DatabaseClock clock) {
        this.jobs = jobs;
        this.createRun = createRun;
        this.dueWork = dueWork;
        this.election = election;
        this.held = held;
        this.peers = peers;
        this.me = me;
        this.clock = clock;
    }

    public CreateRun.Created run(String appName, long jobId, RunRequest request) {
        RunRequest checked = check("", request, clockNow());
        Job job = jobs.require(appName, jobId);
        return atOwner(appName, epoch -> createRun.create(job, epoch, checked), url -> peers.forwardRun(
                        url, appName, jobId, checked)
                .map(i -> new CreateRun.Created(i, true)));
    }

    /** Many runs of one job, created together by the owner (forwarded to it from any server). */
    public RunBatchAnswer runBatch(String appName, long jobId, RunBatch batch) {
        List<RunRequest> checked = checkBatch(batch);
        Job job = jobs.require(appName, jobId);
        return atOwner(
                appName,
                epoch -> createRun.createBatch(job, epoch, checked),
                url -> peers.forwardRunBatch(url, appName, jobId, new RunBatch(checked)));
    }

    /** A request forwarded by another server: carried out only if this server holds the app. */
    public CreateRun.Created runForwarded(String appName, long jobId, RunRequest request) {
        RunRequest checked = check("", request, clockNow());
        Job job = jobs.require(appName, jobId);
        return here(appName, epoch -> createRun.create(job, epoch, checked))
                .orElseThrow(() -> RequestRejected.conflict("this server does not own app " + appName));
    }

    /** A batch forwarded by another server: carried out only if this server holds the app. */
    public RunBatchAnswer runBatchForwarded(String appName, long jobId, RunBatch batch) {
        List<RunRequest> checked = checkBatch(batch);
        Job job = jobs.require(appName, jobId);
        return here(appName, epoch -> createRun.createBatch(job, epoch, checked))
                .orElseThrow(() -> RequestRejected.conflict("this server does not own app " + appName));
    }

    private <T> T atOwner(String appName, LongFunction<T> create, Function<String, Optional<T>> forward) {
        for (int round = 0; round < 2; round++) {
            Ownership owner = election.ownerOf(appName).orElseThrow();
            Optional<T> done = owner.isOwnedBy(me.id()) ? here(appName, create) : forward.apply(owner.ownerUrl());
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw RequestRejected.unavailable("the owner of app " + appName + " could not be reached; try again");
    }

    private <T> Optional<T> here(String appName, LongFunction<T> create) {
        Optional<Long> epoch = held.epochOf(appName);
        if (epoch.isEmpty()) {
            return Optional.empty();
        }
        try {
            T created = create.apply(epoch.get());
            dueWork.workWaiting(appName);
            return Optional.of(created);
        } catch (FencedOut e) {
            held.lose(e.appName(), e.epoch());
            return Optional.empty();
        }
    }

    private List<RunRequest> checkBatch(RunBatch batch) {
        Check.present("body", batch);
        Check.present("runs", batch.runs());
        if (batch.runs().isEmpty() || batch.runs().size() > MAX_BATCH) {
            throw RequestRejected.invalid("runs", "must hold 1 to " + MAX_BATCH + " runs");
        }
        Instant now = clockNow();
        Set<String> ids = new HashSet<>();
        List<RunRequest> checked = new ArrayList<>(batch.runs().size());
        for (int i = 0; i < batch.runs().size(); i++) {
            String at = "runs[" + i + "].";
            RunRequest run = batch.runs().get(i);
            Check.present("runs[" + i + "]", run);
            RunRequest c = check(at, run, now);
            if (!ids.add(c.requestId())) {
                throw RequestRejected.invalid(at + "requestId", "repeats request id " + c.requestId());
            }
            checked.add(c);
        }
        return checked;
    }

    private Instant clockNow() {
        return clock.instant();
    }

    private static RunRequest check(String prefix, RunRequest request, Instant now) {
        RunRequest r = request != null ? request : RunRequest.now();
        if (r.delaySeconds() != null && (r.delaySeconds() < 0 || r.delaySeconds() > MAX_DELAY_SECONDS)) {
            throw RequestRejected.invalid(prefix + "delaySeconds", "must be between 0 and " + MAX_DELAY_SECONDS);
        }
        if (r.at() != null) {
            if (r.delaySeconds() != null) {
                throw RequestRejected.invalid(prefix + "at", "cannot be given together with delaySeconds");
            }
            Instant earliest = now.minusSeconds(MAX_DELAY_SECONDS);
            Instant latest = now.plusSeconds(MAX_DELAY_SECONDS);
            if (r.at().isBefore(earliest) || r.at().isAfter(latest)) {
                throw RequestRejected.invalid(prefix + "at", "must be within 366 days of now (" + now + ")");
            }
        }
        Check.text(prefix + "parameters", r.parameters(), JobDefinitions.MAX_PARAMETERS);
        String requestId = r.requestId() == null
                ? UUID.randomUUID().toString()
                : Check.identifier(prefix + "requestId", r.requestId(), MAX_REQUEST_ID);
        return new RunRequest(r.parameters(), r.delaySeconds(), requestId, r.at());
    }
}
