package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AppRegistration;
import io.campanile.api.admin.AppView;
import io.campanile.api.admin.BackfillRequest;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.InstanceDetail;
import io.campanile.api.admin.InstanceNote;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.PauseRequest;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunLogPage;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.SchedulePreview;
import io.campanile.api.admin.WorkerView;
import io.campanile.scheduler.application.BackfillJobs;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.ClusterOverview;
import io.campanile.scheduler.application.ControlInstances;
import io.campanile.scheduler.application.CreateRun;
import io.campanile.scheduler.application.EditJobs;
import io.campanile.scheduler.application.InputLimits;
import io.campanile.scheduler.application.JobRef;
import io.campanile.scheduler.application.ListWorkers;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.application.ManageJobs;
import io.campanile.scheduler.application.ReadInstances;
import io.campanile.scheduler.application.ReadRunLogs;
import io.campanile.scheduler.application.RunJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The admin API: apps, jobs, runs, instances, workers, the cluster. */
@Path("admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    ManageApps apps;

    @Inject
    ManageJobs jobs;

    @Inject
    EditJobs edits;

    @Inject
    RunJobs runs;

    @Inject
    BackfillJobs backfills;

    @Inject
    ReadInstances instances;

    @Inject
    ListWorkers workers;

    @Inject
    ReadRunLogs runLogs;

    @Inject
    ControlInstances control;

    @Inject
    ClusterOverview cluster;

    @POST
    @Path("apps")
    public Response createApp(AppRegistration registration) {
        AppView created = apps.create(registration);
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("apps")
    public List<AppView> listApps() {
        return apps.list();
    }

    @POST
    @Path("apps/{app}/jobs")
    public Response createJob(@PathParam("app") String app, JobDefinition definition) {
        JobView created = jobs.create(app, definition);
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("apps/{app}/jobs")
    public List<JobView> listJobs(@PathParam("app") String app) {
        return jobs.list(app);
    }

    /** The next fire times of a schedule, checked as a new job's would be; nothing is saved. */
    @POST
    @Path("apps/{app}/jobs/preview")
    public SchedulePreview preview(
            @PathParam("app") String app,
            @QueryParam("count") @DefaultValue("10") String count,
            JobDefinition definition) {
        return jobs.preview(app, definition, (int) Check.wholeNumber("count", count, 1, 1000));
    }

    /** A job by id (deleted or not) or by name (live). */
    @GET
    @Path("apps/{app}/jobs/{job}")
    public JobView job(@PathParam("app") String app, @PathParam("job") String job) {
        return edits.get(app, JobRef.parse(job));
    }

    /** Replaces a job's processor, parameters and schedule; If-Match: its revision, or 409. */
    @PUT
    @Path("apps/{app}/jobs/{job}")
    public JobView update(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JobDefinition definition) {
        return edits.update(app, JobRef.parse(job), definition, InputLimits.expectedRevision(ifMatch));
    }

    /** The body (a note) is optional. */
    @POST
    @Path("apps/{app}/jobs/{job}/pause")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public JobView pause(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PauseRequest request) {
        return edits.pause(
                app, JobRef.parse(job), request == null ? null : request.note(), InputLimits.expectedRevision(ifMatch));
    }

    @POST
    @Path("apps/{app}/jobs/{job}/resume")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public JobView resume(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return edits.resume(app, JobRef.parse(job), InputLimits.expectedRevision(ifMatch));
    }

    /** The job stops firing and frees its name; it stays readable by id, with its instances. */
    @DELETE
    @Path("apps/{app}/jobs/{job}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public JobView delete(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return edits.delete(app, JobRef.parse(job), InputLimits.expectedRevision(ifMatch));
    }

    /** The next fire times of a job. */
    @GET
    @Path("apps/{app}/jobs/{jobId}/fires")
    public SchedulePreview fires(
            @PathParam("app") String app,
            @PathParam("jobId") String jobId,
            @QueryParam("count") @DefaultValue("10") String count) {
        return jobs.fires(app, jobs.idOf(app, JobRef.parse(jobId)), (int) Check.wholeNumber("count", count, 1, 1000));
    }

    @POST
    @Path("apps/{app}/jobs/{jobId}/run")
    // the body is optional: a POST without one (and so without a media type) runs the job now
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response run(@PathParam("app") String app, @PathParam("jobId") String jobId, RunRequest request) {
        CreateRun.Created created = runs.run(app, jobs.idOf(app, JobRef.parse(jobId)), request);
        return Response.status(created.isNew() ? 201 : 200)
                .entity(created.instance())
                .build();
    }

    /** Many runs in one request: 201 when any was created, 200 when every one existed already. */
    @POST
    @Path("apps/{app}/jobs/{jobId}/runs")
    public Response runBatch(@PathParam("app") String app, @PathParam("jobId") String jobId, RunBatch batch) {
        RunBatchAnswer answer = runs.runBatch(app, jobs.idOf(app, JobRef.parse(jobId)), batch);
        return Response.status(answer.created() > 0 ? 201 : 200).entity(answer).build();
    }

    /** Runs the job for its fire times in a past range: 201 when any run was created, 200 when none was. */
    @POST
    @Path("apps/{app}/jobs/{jobId}/backfill")
    public Response backfill(@PathParam("app") String app, @PathParam("jobId") String jobId, BackfillRequest request) {
        RunBatchAnswer answer = backfills.backfill(app, jobs.idOf(app, JobRef.parse(jobId)), request);
        return Response.status(answer.created() > 0 ? 201 : 200).entity(answer).build();
    }

    @GET
    @Path("apps/{app}/jobs/{jobId}/instances")
    public List<InstanceView> instances(
            @PathParam("app") String app,
            @PathParam("jobId") String jobId,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        // taken as text: JAX-RS answers a parameter it cannot convert with 404, not with a 400 naming it
        return jobs.instances(
                app, jobs.idOf(app, JobRef.parse(jobId)), (int) Check.wholeNumber("limit", limit, 1, 1000));
    }

    @GET
    @Path("apps/{app}/instances/{instanceId}")
    public InstanceDetail instance(@PathParam("app") String app, @PathParam("instanceId") String instanceId) {
        return instances.detail(app, instanceNumber(instanceId));
    }

    @GET
    @Path("apps/{app}/instances/{instanceId}/logs")
    public RunLogPage logs(
            @PathParam("app") String app,
            @PathParam("instanceId") String instanceId,
            @QueryParam("attempt") String attempt,
            @QueryParam("after") @DefaultValue("0") String after,
            @QueryParam("limit") @DefaultValue("500") String limit) {
        return runLogs.read(
                app,
                instanceNumber(instanceId),
                attempt == null ? null : (int) Check.wholeNumber("attempt", attempt, 1, Integer.MAX_VALUE),
                Check.wholeNumber("after", after, 0, Long.MAX_VALUE),
                (int) Check.wholeNumber("limit", limit, 1, ReadRunLogs.MAX_LINES));
    }

    @POST
    @Path("apps/{app}/instances/{instanceId}/stop")
    public InstanceView stop(
            @PathParam("app") String app, @PathParam("instanceId") String instanceId, InstanceNote note) {
        return control.stop(app, instanceNumber(instanceId), note == null ? null : note.note());
    }

    @POST
    @Path("apps/{app}/instances/{instanceId}/retry")
    public InstanceView retry(
            @PathParam("app") String app, @PathParam("instanceId") String instanceId, InstanceNote note) {
        return control.retry(app, instanceNumber(instanceId), note == null ? null : note.note());
    }

    @POST
    @Path("apps/{app}/instances/{instanceId}/succeed")
    public InstanceView succeed(
            @PathParam("app") String app, @PathParam("instanceId") String instanceId, InstanceNote note) {
        return control.succeed(app, instanceNumber(instanceId), note == null ? null : note.note());
    }

    private static long instanceNumber(String instanceId) {
        return Check.wholeNumber("instanceId", instanceId, 1, Long.MAX_VALUE);
    }

    @GET
    @Path("apps/{app}/workers")
    public List<WorkerView> workers(@PathParam("app") String app) {
        return workers.list(app);
    }

    @GET
    @Path("cluster")
    public ClusterView cluster() {
        return cluster.view();
    }
}
