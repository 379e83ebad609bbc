package io.campanile.api.client;

import io.campanile.api.Headers;
import io.campanile.api.admin.AppPage;
import io.campanile.api.admin.AppRegistration;
import io.campanile.api.admin.AppView;
import io.campanile.api.admin.BackfillRequest;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.ErrorView;
import io.campanile.api.admin.InstanceDetail;
import io.campanile.api.admin.InstanceNote;
import io.campanile.api.admin.InstancePage;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobBulkAnswer;
import io.campanile.api.admin.JobBulkRequest;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import io.campanile.api.admin.JobImportAnswer;
import io.campanile.api.admin.JobPage;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.PauseRequest;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunLogPage;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.SchedulePreview;
import io.campanile.api.admin.SecretRotation;
import io.campanile.api.admin.SecretRotationAnswer;
import io.campanile.api.admin.ServerView;
import io.campanile.api.admin.WorkerView;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The admin API (v1, {@code /api/v1}) of one Campanile server. Thread-safe; close it to release its connections. A
 * refusal is a {@link CampanileClientException} with the status, code and field of the answer.
 */
public class CampanileAdminClient implements AutoCloseable {

    private static final String API = "api/v1/";
    private static final int LARGEST_PAGE = 1000;

    private final Client client;
    private final URI baseUri;
    private final String adminToken;

    /**
     * @param baseUri the server's base URL, for example {@code http://127.0.0.1:8080/campanile}
     * @param adminToken the cluster's admin token, or an API token (its role decides what it may do)
     */
    public CampanileAdminClient(URI baseUri, String adminToken) {
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .build();
        this.baseUri = baseUri;
        this.adminToken = adminToken;
    }

    public AppView createApp(String name, String secret) {
        return send(request(API + "apps").buildPost(Entity.json(new AppRegistration(name, secret))), AppView.class);
    }

    /** Every app the token may see, by name (all pages). */
    public List<AppView> listApps() {
        List<AppView> all = new java.util.ArrayList<>();
        for (AppPage page = apps(1000, null); ; page = apps(1000, page.next())) {
            all.addAll(page.items());
            if (page.next() == null) {
                return all;
            }
        }
    }

    /** One page of the apps the token may see, by name; {@code cursor}: a page's {@code next}, null for the first. */
    public AppPage apps(int limit, String cursor) {
        WebTarget target = client.target(baseUri).path(API + "apps").queryParam("limit", limit);
        target = cursor == null ? target : target.queryParam("cursor", cursor);
        return send(authorized(target).buildGet(), AppPage.class);
    }

    public JobView createJob(String app, JobDefinition definition) {
        return send(request(API + "apps/" + app + "/jobs").buildPost(Entity.json(definition)), JobView.class);
    }

    /** Every live job of the app, by name (all pages). */
    public List<JobView> listJobs(String app) {
        List<JobView> jobs = new ArrayList<>();
        JobListing listing = JobListing.all().limit(LARGEST_PAGE);
        for (JobPage page = jobs(app, listing); ; page = jobs(app, listing.after(page.next()))) {
            jobs.addAll(page.items());
            if (page.next() == null) {
                return jobs;
            }
        }
    }

    /** One page of the app's live jobs, by name. */
    public JobPage jobs(String app, JobListing listing) {
        WebTarget target = listing.applyTo(client.target(baseUri).path(API + "apps/" + app + "/jobs"));
        return send(authorized(target).buildGet(), JobPage.class);
    }

    /** One page of the app's instances; the page's {@code next} is the cursor of the page after it. */
    public InstancePage instances(String app, InstanceListing listing) {
        WebTarget target = listing.applyTo(client.target(baseUri).path(API + "apps/" + app + "/instances"));
        return send(authorized(target).buildGet(), InstancePage.class);
    }

    /** A job by its id (also once deleted) or its name. */
    public JobView getJob(String app, String job) {
        return send(request(jobPath(app, job)).buildGet(), JobView.class);
    }

    /**
     * Replaces a job's processor, parameters and schedule (its name stays).
     *
     * @param revision the job's revision as last read: the update is refused (409) if it changed since; null to
     *     change it whatever it is now
     */
    public JobView updateJob(String app, String job, JobDefinition definition, Long revision) {
        return send(ifMatch(request(jobPath(app, job)), revision).build("PUT", Entity.json(definition)), JobView.class);
    }

    /** Pauses a job, with a note saying why (may be null). */
    public JobView pauseJob(String app, String job, String note) {
        return send(
                request(jobPath(app, job) + "/pause").buildPost(Entity.json(new PauseRequest(note))), JobView.class);
    }

    public JobView resumeJob(String app, String job) {
        return send(request(jobPath(app, job) + "/resume").buildPost(Entity.json("{}")), JobView.class);
    }

    /** Deletes a job: it stops firing and its name is free; it stays readable by id with its instances. */
    public JobView deleteJob(String app, String job, Long revision) {
        return send(ifMatch(request(jobPath(app, job)), revision).build("DELETE"), JobView.class);
    }

    /** The next {@code count} fire times of a schedule, checked as a new job's; nothing is saved. */
    public SchedulePreview previewSchedule(String app, JobDefinition definition, int count) {
        return send(
                request(API + "apps/" + app + "/jobs/preview", "count", count).buildPost(Entity.json(definition)),
                SchedulePreview.class);
    }

    /** The next {@code count} fire times of a job. */
    public SchedulePreview nextFires(String app, long jobId, int count) {
        return send(
                request(API + "apps/" + app + "/jobs/" + jobId + "/fires", "count", count)
                        .buildGet(),
                SchedulePreview.class);
    }

    public InstanceView runJob(String app, long jobId, RunRequest runRequest) {
        return send(
                request(API + "apps/" + app + "/jobs/" + jobId + "/run").buildPost(Entity.json(runRequest)),
                InstanceView.class);
    }

    /** Creates many runs of a job in one request (see {@link RunBatch}). */
    public RunBatchAnswer runJobBatch(String app, long jobId, RunBatch batch) {
        return send(
                request(API + "apps/" + app + "/jobs/" + jobId + "/runs").buildPost(Entity.json(batch)),
                RunBatchAnswer.class);
    }

    /** Runs the job for its fire times in a past range (at most 1,000), each with its own fire time. */
    public RunBatchAnswer backfill(String app, String job, BackfillRequest request) {
        return send(
                request(API + "apps/" + app + "/jobs/" + job + "/backfill").buildPost(Entity.json(request)),
                RunBatchAnswer.class);
    }

    /** The job's instances, newest fire time first, at most {@code limit}. */
    public List<InstanceView> listInstances(String app, long jobId, int limit) {
        return send(
                request(API + "apps/" + app + "/jobs/" + jobId + "/instances", "limit", limit)
                        .buildGet(),
                new GenericType<List<InstanceView>>() {});
    }

    /** Stops a waiting or running instance (CANCELLED); a running attempt's worker interrupts it. */
    public InstanceView stopInstance(String app, long instanceId, String note) {
        return instanceAction(app, instanceId, "stop", note);
    }

    /** Runs a finished instance again, now, as its next attempt. */
    public InstanceView retryInstance(String app, long instanceId, String note) {
        return instanceAction(app, instanceId, "retry", note);
    }

    /** Marks a failed, timed-out or cancelled instance succeeded. */
    public InstanceView markSucceeded(String app, long instanceId, String note) {
        return instanceAction(app, instanceId, "succeed", note);
    }

    private InstanceView instanceAction(String app, long instanceId, String action, String note) {
        return send(
                request(API + "apps/" + app + "/instances/" + instanceId + "/" + action)
                        .buildPost(Entity.json(new InstanceNote(note))),
                InstanceView.class);
    }

    /** One instance of the app, with the attempts before its current one. */
    public InstanceDetail instance(String app, long instanceId) {
        return send(request(API + "apps/" + app + "/instances/" + instanceId).buildGet(), InstanceDetail.class);
    }

    /**
     * Lines of an instance's attempt log after line {@code after} (0: from the start), at most {@code limit}; the
     * current attempt when {@code attempt} is null. To tail a run, ask again from the page's {@code next}.
     */
    public RunLogPage logs(String app, long instanceId, Integer attempt, long after, int limit) {
        WebTarget target = client.target(baseUri)
                .path(API + "apps/" + app + "/instances/" + instanceId + "/logs")
                .queryParam("after", after)
                .queryParam("limit", limit);
        if (attempt != null) {
            target = target.queryParam("attempt", attempt);
        }
        return send(authorized(target).buildGet(), RunLogPage.class);
    }

    /** The app's workers as its owner sees them (asked of the owner by whichever server answers). */
    public List<WorkerView> workers(String app) {
        return send(request(API + "apps/" + app + "/workers").buildGet(), new GenericType<List<WorkerView>>() {});
    }

    /** The cluster's scheduler servers. */
    public List<ServerView> servers() {
        return send(request(API + "servers").buildGet(), new GenericType<List<ServerView>>() {});
    }

    public ClusterView cluster() {
        return send(request(API + "cluster").buildGet(), ClusterView.class);
    }

    // API tokens and the audit log (admins only)

    /** A new API token; the answer holds its secret, shown this once. */
    public io.campanile.api.admin.TokenCreated createToken(io.campanile.api.admin.TokenRequest token) {
        return send(request(API + "tokens").buildPost(Entity.json(token)), io.campanile.api.admin.TokenCreated.class);
    }

    public List<io.campanile.api.admin.TokenView> tokens() {
        return send(request(API + "tokens").buildGet(), new GenericType<List<io.campanile.api.admin.TokenView>>() {});
    }

    /** One API token, without its secret. */
    public io.campanile.api.admin.TokenView token(String name) {
        return send(request(API + "tokens/" + name).buildGet(), io.campanile.api.admin.TokenView.class);
    }

    /** Revokes the token: it stops working at once on this server, within 10 s on the others. */
    public io.campanile.api.admin.TokenView revokeToken(String name) {
        return send(request(API + "tokens/" + name).buildDelete(), io.campanile.api.admin.TokenView.class);
    }

    /** One page of the audit log, newest first; the page's {@code next} is the cursor of the page after it. */
    public io.campanile.api.admin.AuditPage audit(AuditListing listing) {
        WebTarget target = listing.applyTo(client.target(baseUri).path(API + "audit"));
        return send(authorized(target).buildGet(), io.campanile.api.admin.AuditPage.class);
    }

    // --- bulk job changes, export and import of an app's jobs, secret rotation

    /** Pauses, resumes or deletes many jobs of an app in one transaction, all or none. */
    public JobBulkAnswer changeJobs(String app, JobBulkRequest request) {
        return send(request(API + "apps/" + app + "/jobs/bulk").buildPost(Entity.json(request)), JobBulkAnswer.class);
    }

    /** The app's live jobs as a document that {@link #importJobs} takes. */
    public JobExport exportJobs(String app) {
        return send(request(API + "apps/" + app + "/jobs/export").buildGet(), JobExport.class);
    }

    /**
     * Imports a document of jobs, all or none: creates, updates or leaves each job by name; with {@code
     * deleteMissing}, deletes the app's jobs that the document does not name.
     */
    public JobImportAnswer importJobs(String app, JobExport document, boolean deleteMissing) {
        return send(
                request(API + "apps/" + app + "/jobs/import", "deleteMissing", deleteMissing)
                        .buildPost(Entity.json(document)),
                JobImportAnswer.class);
    }

    /** Gives the app a new secret; the current one stays valid for {@code grace} (null: one hour). */
    public SecretRotationAnswer rotateSecret(String app, String secret, java.time.Duration grace) {
        SecretRotation rotation = new SecretRotation(secret, grace == null ? null : grace.toString());
        return send(
                request(API + "apps/" + app + "/secret").buildPost(Entity.json(rotation)), SecretRotationAnswer.class);
    }

    private Invocation.Builder request(String path) {
        return authorized(client.target(baseUri).path(path));
    }

    private Invocation.Builder request(String path, String query, Object value) {
        return authorized(client.target(baseUri).path(path).queryParam(query, value));
    }

    private static String jobPath(String app, String job) {
        return API + "apps/" + app + "/jobs/" + job;
    }

    private static Invocation.Builder ifMatch(Invocation.Builder request, Long revision) {
        return revision == null ? request : request.header(HttpHeaders.IF_MATCH, "\"" + revision + "\"");
    }

    private Invocation.Builder authorized(WebTarget target) {
        return target.request(MediaType.APPLICATION_JSON).header(HttpHeaders.AUTHORIZATION, Headers.bearer(adminToken));
    }

    private <T> T send(Invocation invocation, Class<T> type) {
        try (Response response = invoke(invocation)) {
            return check(response).readEntity(type);
        }
    }

    private <T> T send(Invocation invocation, GenericType<T> type) {
        try (Response response = invoke(invocation)) {
            return check(response).readEntity(type);
        }
    }

    /** The answer; a server that gave none is a {@link CampanileClientException#unreachable()} exception. */
    private Response invoke(Invocation invocation) {
        try {
            return invocation.invoke();
        } catch (ProcessingException e) {
            throw CampanileClientException.unreachable(baseUri, e);
        }
    }

    private static Response check(Response response) {
        if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
            return response;
        }
        ErrorView error;
        try {
            error = response.readEntity(ErrorView.class);
        } catch (ProcessingException | IllegalStateException e) {
            error = null;
        }
        if (error == null || error.message() == null) {
            throw new CampanileClientException(
                    response.getStatus(), response.getStatusInfo().getReasonPhrase());
        }
        throw CampanileClientException.of(response.getStatus(), error);
    }

    @Override
    public void close() {
        client.close();
    }
}
